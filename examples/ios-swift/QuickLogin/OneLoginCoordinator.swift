import UIKit
import OneLoginSDK

/// 一键登录流程：预取号 → 拉起授权页 → 拿 token 给服务端换手机号。
/// One-tap login flow: pre-fetch, show the authorization page, exchange the token on our server.
final class OneLoginCoordinator {

    private weak var presenter: UIViewController?
    private let api: AuthAPI

    init(presenter: UIViewController, api: AuthAPI) {
        self.presenter = presenter
        self.api = api
    }

    func preload() {
        OneLoginPro.preGetToken { result in
            // 预取号失败不打扰用户，点击登录时再处理 / stay quiet until the user taps login
            if (result["status"] as? NSNumber)?.intValue != 200 {
                Log.info("OneLogin preGetToken failed: \(result)")
            }
        }
    }

    func start() {
        guard let presenter else { return }
        let viewModel = OLAuthViewModel()
        viewModel.switchButtonText = "其他手机号登录"
        OneLoginPro.requestToken(with: presenter, viewModel: viewModel) { [weak self] result in
            self?.handle(result)
        }
    }

    private func handle(_ result: [AnyHashable: Any]) {
        if (result["status"] as? NSNumber)?.intValue == 200,
           let processID = result["processID"] as? String,
           let token = result["token"] as? String {
            api.exchange(processID: processID, token: token) { _ in OneLoginPro.dismissAuthViewController(nil) }
            return
        }
        OneLoginPro.dismissAuthViewController(nil)
        guard let code = result["errorCode"] as? String else {
            showSmsLogin()
            return
        }
        switch code {
        case "-20301", "-20302":
            // 用户点了返回（这两个码是从安卓端照搬来的）/ the user went back (copied from the Android app)
            return
        case "-20303":
            showSmsLogin()
        case "-20202", "-20204":
            showAlert("请在“设置 > 蜂窝网络”中允许本 App 使用蜂窝数据")
        case "-20402", "-20403", "-20405":
            break // 授权页或取号请求已在进行中 / a request is already in progress
        case "-40101", "-40201", "-40301", "-40102", "-40202", "-40302":
            // 运营商 SDK 失败：把 metadata 里运营商自己的错误码交给 CarrierTips
            // a carrier SDK failed: CarrierTips reads the carrier's own code from metadata
            let metadata = result["metadata"] as? [String: Any] ?? [:]
            showAlert(CarrierTips.message(for: code, metadata: metadata))
        default:
            showSmsLogin()
        }
    }

    private func showSmsLogin() {
        presenter?.navigationController?.pushViewController(SmsLoginViewController(), animated: true)
    }

    private func showAlert(_ message: String) {
        let alert = UIAlertController(title: nil, message: message, preferredStyle: .alert)
        alert.addAction(UIAlertAction(title: "好的", style: .default))
        presenter?.present(alert, animated: true)
    }
}
