import Foundation
import OnePassSDK

/// 本机校验：换绑手机号前确认输入的号码就是本机号码。
/// OnePass: before changing the bound number, check that the typed number is this phone's.
final class PhoneVerifier {

    enum Failure: Error {
        case invalidNumber
        case needsCellular
        case busy
        case retryLater
        case carrier(code: Int, metadata: [String: Any]?)
        case needsSms(String)
    }

    private let manager = GOPManager(customID: AppConfig.onePassCustomID, timeout: 8)

    func verify(phone: String, completion: @escaping (Result<GOPVerifyResult, Failure>) -> Void) {
        manager.verifyPhoneNumber(phone) { [weak self] result, error in
            guard let self else { return }
            if let error {
                completion(.failure(self.failure(for: error)))
            } else if let result {
                completion(.success(result))
            }
        }
    }

    // SDK 头文件里的 GOPError… 常量是 NSInteger，可以直接和 error.code 比较。
    // The GOPError… constants are NSInteger in the SDK header, so they compare with error.code.
    private func failure(for error: GOPError) -> Failure {
        switch error.code {
        case GOPErrorInvalidPhoneNumber:
            return .invalidNumber
        case GOPErrorUnsupportedNetwork, GOPErrorCellularNotAuthorized:
            return .needsCellular
        case GOPErrorUnsupportedOperator:
            return .needsSms("暂不支持该运营商 / Carrier not supported")
        case GOPErrorRepeatPreGateway:
            return .busy
        case -40101, -40201:
            // 移动、联通校验失败：带上 metadata 里运营商自己的错误码
            // China Mobile / Unicom failed: pass the carrier's own code from metadata along
            return .carrier(code: error.code, metadata: error.userInfo["metadata"] as? [String: Any])
        case GOPErrorSocketError, GOPErrorInvalidPreGatewayReturns:
            return .retryLater
        default:
            return .needsSms("本机校验失败（\(error.code)）")
        }
    }
}
