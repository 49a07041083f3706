//
//  QLLoginViewController.m
//  一键登录页（Objective-C）/ one-tap login screen
//

#import "QLLoginViewController.h"
#import "QLSmsLoginViewController.h"
#import "QLAuthService.h"
#import <OneLoginSDK/OneLoginSDK.h>

@interface QLLoginViewController ()
@property (nonatomic, assign) BOOL preTokenReady;
@end

@implementation QLLoginViewController

- (void)viewDidLoad {
    [super viewDidLoad];
    [OneLoginPro registerWithAppID:QLOneLoginAppID];
    [OneLoginPro preGetTokenWithCompletion:^(NSDictionary * _Nonnull result) {
        self.preTokenReady = [result[@"status"] integerValue] == 200;
    }];
}

- (IBAction)oneTapLoginTapped:(id)sender {
    OLAuthViewModel *viewModel = [[OLAuthViewModel alloc] init];
    viewModel.switchButtonText = @"其他方式登录";
    __weak typeof(self) weakSelf = self;
    [OneLoginPro requestTokenWithViewController:self viewModel:viewModel completion:^(NSDictionary * _Nullable result) {
        [weakSelf handleTokenResult:result];
    }];
}

- (void)handleTokenResult:(NSDictionary *)result {
    if ([result[@"status"] integerValue] == 200) {
        [[QLAuthService shared] exchangeProcessID:result[@"processID"] token:result[@"token"]];
        return;
    }
    [OneLoginPro dismissAuthViewController:YES completion:nil];

    NSString *errCode = [NSString stringWithFormat:@"%@", result[@"errorCode"]];
    NSLog(@"一键登录失败 ⚠️ %@", [errCode isEqualToString:@"-20203"] ? @"不支持的运营商" : errCode);

    if ([errCode isEqual:OLErrorCode_20302] || [errCode isEqual:OLErrorCode_20303]) {
        // 用户返回或切换账号 / the user went back or chose another account
        [self showSmsLogin];
    } else if ([errCode isEqualToString:@"-20202"] || [@"-20204" isEqualToString:errCode]) {
        [self showMessage:@"请在“设置”中允许使用蜂窝数据"];
    } else if ([errCode integerValue] == -40102 ||
               [errCode integerValue] == -40202 ||
               [errCode integerValue] == -40302) {
        // 运营商取号失败：把运营商自己的错误码一起上报
        // the carrier's token request failed: report the carrier's own code too
        NSDictionary *metadata = result[@"metadata"];
        [[QLAuthService shared] reportCarrierFailure:errCode metadata:metadata];
        [self showSmsLogin];
    } else {
        // 其余（包括 -40101 等预取号失败）统一提示
        // everything else, pre-fetch failures included, gets one generic message
        [self showMessage:@"登录失败，请稍后重试"];
    }
}

- (void)showSmsLogin {
    [self.navigationController pushViewController:[QLSmsLoginViewController new] animated:YES];
}

- (void)showMessage:(NSString *)message {
    UIAlertController *alert = [UIAlertController alertControllerWithTitle:nil
                                                                   message:message
                                                            preferredStyle:UIAlertControllerStyleAlert];
    [alert addAction:[UIAlertAction actionWithTitle:@"好" style:UIAlertActionStyleDefault handler:nil]];
    [self presentViewController:alert animated:YES completion:nil];
}

@end
