using Kiriwake.Core.Knowledge;

namespace Kiriwake.Web.Diagnosis;

/// <summary>Every text of the web pages and API messages a person reads, in Japanese and English.</summary>
public static class WebText
{
    public static readonly LocalizedText AppName = new("切り分け — iPhone・iPad のバックアップと復元の困りごと", "Kiriwake — iPhone and iPad backup and restore troubles");
    public static readonly LocalizedText Home = new("ホーム", "Home");
    public static readonly LocalizedText SkipToContent = new("本文へ移動", "Skip to content");
    public static readonly LocalizedText Language = new("言語", "Language");
    public static readonly LocalizedText Start = new("診断を始める", "Start a diagnosis");
    public static readonly LocalizedText StartLead = new("画面に出ているメッセージを選ぶか、エラー文を貼り付けるか、エラー番号を入力してください。ひとつずつ確認して、原因を切り分けます。", "Choose the message you see, paste the error text, or type the error number. We will check one thing at a time to find the cause.");
    public static readonly LocalizedText WhatYouSee = new("表示されているメッセージ", "The message you see");
    public static readonly LocalizedText ChannelIcloud = new("iCloud バックアップ", "iCloud backup");
    public static readonly LocalizedText ChannelComputer = new("パソコンへのバックアップ", "Backup to a computer");
    public static readonly LocalizedText ChannelRestore = new("復元・アップデート", "Restore or update");
    public static readonly LocalizedText ChannelApp = new("アプリのデータ", "App data");
    public static readonly LocalizedText ChannelGeneral = new("その他", "Other");
    public static readonly LocalizedText PasteText = new("エラーの文面を貼り付ける", "Paste the error text");
    public static readonly LocalizedText PasteHelp = new("ダイアログの文章やログの一部をそのまま貼り付けてください。内容はこの診断が終わると削除されます。", "Paste the dialog's words or part of a log as they are. They are deleted when this diagnosis expires.");
    public static readonly LocalizedText UploadLog = new("ログファイルを選ぶ", "Choose a log file");
    public static readonly LocalizedText UploadHelp = new("テキストのログファイル (4 MB まで)。", "A text log file (up to 4 MB).");
    public static readonly LocalizedText ErrorCodeLabel = new("エラー番号 (例: 4013)", "Error number (for example 4013)");
    public static readonly LocalizedText YourDevice = new("お使いの機種とパソコン (わかれば)", "Your device and computer (if you know)");
    public static readonly LocalizedText FamilyLabel = new("機種のボタンの形", "Your model's buttons");
    public static readonly LocalizedText PlatformLabel = new("使っているもの", "What you are using");
    public static readonly LocalizedText DontKnow = new("わからない", "I don't know");
    public static readonly LocalizedText Begin = new("この内容で始める", "Start with this");
    public static readonly LocalizedText StepNumber = new("手順 {0}", "Step {0}");
    public static readonly LocalizedText KindQuestion = new("確認", "Check");
    public static readonly LocalizedText KindAction = new("やってみること", "Try this");
    public static readonly LocalizedText KindEscalation = new("相談先", "Where to get help");
    public static readonly LocalizedText KindGate = new("消える前に", "Before anything is erased");
    public static readonly LocalizedText HowTo = new("やり方", "How to do it");
    public static readonly LocalizedText WhyNow = new("なぜ今これをするのか", "Why this now");
    public static readonly LocalizedText RiskHeading = new("注意", "Risk");
    public static readonly LocalizedText YourAnswer = new("答えを選んでください", "Choose your answer");
    public static readonly LocalizedText YourResult = new("やってみた結果を選んでください", "Choose what happened");
    public static readonly LocalizedText YourChoice = new("どうするか選んでください", "Choose what to do");
    public static readonly LocalizedText Undo = new("ひとつ前に戻る", "Go back one answer");
    public static readonly LocalizedText ContinueLater = new("あとで続ける", "Continue later");
    public static readonly LocalizedText ContinueLaterHelp = new("このページのアドレスをブックマークするか控えておくと、同じところから続けられます。最後の回答から {1} 日たつと削除されます。{0}", "Bookmark or note this page's address to continue from the same place. It is deleted {1} days after your last answer.{0}");
    public static readonly LocalizedText ThisAddress = new("アドレス:", "Address:");
    public static readonly LocalizedText Bring = new("相談のときに用意するもの", "What to have ready");
    public static readonly LocalizedText ForcePrefix = new("ボタン操作", "Button steps");
    public static readonly LocalizedText AnswerFixed = new("直った", "It is fixed");
    public static readonly LocalizedText AnswerNotFixed = new("直らなかった", "Not fixed");
    public static readonly LocalizedText AnswerSkipped = new("できなかった・飛ばす", "Could not do it / skip");
    public static readonly LocalizedText AnswerEscalated = new("相談の準備をする", "Prepare to ask for help");
    public static readonly LocalizedText GateTitle = new("ここから先は iPhone・iPad のデータが消える方法です", "The next steps erase the data on the iPhone or iPad");
    public static readonly LocalizedText GateExplain = new("残っている方法は、写真・メッセージ・アプリのデータなど端末の中身をすべて消してから入れ直すものです。確認できたバックアップがあれば、そこから戻せます。", "The remaining ways erase everything on the device (photos, messages, app data) and set it up again. With a backup you have checked, you can bring it all back.");
    public static readonly LocalizedText GateWhy = new("消したものは元に戻せないため、先にバックアップが本当に使えるか確かめます。", "What is erased cannot be undone, so first make sure a backup really works.");
    public static readonly LocalizedText GateWillBeLost = new("消えるもの", "What will be lost");
    public static readonly LocalizedText GateLostItems = new("写真・動画、メッセージ、LINE などアプリのトーク履歴、二段階認証アプリ、電子マネーの残高の引き継ぎ、設定", "Photos and videos, messages, chat histories such as LINE, authenticator apps, e-money balances not yet moved, settings");
    public static readonly LocalizedText GateWillErase = new("この方法が該当します:", "These steps would erase it:");
    public static readonly LocalizedText GateHaveBackup = new("バックアップを確認した (手順どおりに中身を確かめた)", "I have checked a backup (its contents, as the checklist says)");
    public static readonly LocalizedText GateAcceptLoss = new("データが消えてもかまわない", "I accept that the data will be lost");
    public static readonly LocalizedText GateNo = new("消さない (相談先を案内してほしい)", "Do not erase (show me where to get help)");
    public static readonly LocalizedText GateVerifyLocal = new("このパソコンのバックアップを確かめる", "Check a backup on this computer");
    public static readonly LocalizedText GateVerifyHelp = new("見つかったバックアップを選ぶと、最後まで完了しているか、ファイルが揃っているかを確かめます。", "Choose a backup found here: we check that it finished and that its files are all there.");
    public static readonly LocalizedText VerifyThis = new("このバックアップを確かめる", "Check this backup");
    public static readonly LocalizedText NoBackupsFound = new("このパソコンにバックアップは見つかりませんでした。", "No backup was found on this computer.");
    public static readonly LocalizedText BackupNotVerified = new("このバックアップは確認できませんでした: {0}", "This backup could not be confirmed: {0}");
    public static readonly LocalizedText EndFixed = new("解決しました", "Fixed");
    public static readonly LocalizedText EndFixedBy = new("「{0}」で直りました。", "“{0}” fixed it.");
    public static readonly LocalizedText EndEscalated = new("相談が必要です", "Time to ask for help");
    public static readonly LocalizedText EndEscalatedTo = new("相談先: {0}", "Ask: {0}");
    public static readonly LocalizedText EndUnresolved = new("ここで試せることは終わりました", "Nothing more to try here");
    public static readonly LocalizedText EndUnresolvedHelp = new("記録を持って Apple サポートや修理店に相談してください。", "Take the record to Apple Support or a repair shop.");
    public static readonly LocalizedText Acceptance = new("終える前に確かめること", "Check before you finish");
    public static readonly LocalizedText Prevention = new("次に困らないために", "To avoid this next time");
    public static readonly LocalizedText Transcript = new("これまでの記録", "What happened so far");
    public static readonly LocalizedText Print = new("このページを印刷する", "Print this page");
    public static readonly LocalizedText DownloadMd = new("記録をダウンロード (Markdown)", "Download the record (Markdown)");
    public static readonly LocalizedText DownloadJson = new("記録をダウンロード (JSON)", "Download the record (JSON)");
    public static readonly LocalizedText AnsweredByEvidence = new("(調べた結果から自動で回答)", "(answered from what was read)");
    public static readonly LocalizedText NewDiagnosis = new("新しく診断する", "Start another diagnosis");
    public static readonly LocalizedText Browse = new("調べる", "Look up");
    public static readonly LocalizedText ErrorCodes = new("エラー番号", "Error numbers");
    public static readonly LocalizedText Procedures = new("強制再起動・リカバリー・DFU", "Force restart, recovery, DFU");
    public static readonly LocalizedText Checklists = new("チェックリスト", "Checklists");
    public static readonly LocalizedText Faq = new("よくある質問", "Questions people ask");
    public static readonly LocalizedText FaqSearch = new("キーワードで探す", "Search by keyword");
    public static readonly LocalizedText Search = new("探す", "Search");
    public static readonly LocalizedText NoResults = new("見つかりませんでした。別の言葉で探してみてください。", "Nothing found. Try other words.");
    public static readonly LocalizedText Flow = new("エラー 4013 の復旧の流れ", "The 4013 recovery flow");
    public static readonly LocalizedText FlowAsText = new("流れを文章で読む", "Read the flow as text");
    public static readonly LocalizedText Backups = new("このパソコンのバックアップ", "Backups on this computer");
    public static readonly LocalizedText Device = new("接続中の iPhone・iPad", "The connected iPhone or iPad");
    public static readonly LocalizedText Meaning = new("意味", "Meaning");
    public static readonly LocalizedText Class = new("種類", "Kind");
    public static readonly LocalizedText StartWithThis = new("この症状で診断する", "Diagnose this");
    public static readonly LocalizedText NotFound = new("ページが見つかりません", "Page not found");
    public static readonly LocalizedText SessionNotFound = new("この診断は見つかりません。期限が切れて削除されたか、アドレスが違います。", "This diagnosis was not found. It expired and was deleted, or the address is wrong.");
    public static readonly LocalizedText BadRequest = new("入力を受け付けられませんでした", "That input could not be accepted");
    public static readonly LocalizedText NothingChosen = new("メッセージを選ぶか、文面を貼り付けるか、エラー番号を入力してください。", "Choose a message, paste the text, or type an error number.");
    public static readonly LocalizedText NoMatch = new("その内容に当てはまる症状が見つかりませんでした。下の一覧から近いものを選んでください。", "No symptom matched. Choose the closest one from the list below.");
    public static readonly LocalizedText CodeUnknown = new("エラー番号「{0}」は登録されていません。下の一覧から近いものを選んでください。", "Error number “{0}” is not known. Choose the closest one from the list below.");
    public static readonly LocalizedText NotText = new("このファイルは文字のログではないようです。テキストのログを選ぶか、文面を貼り付けてください。", "This file does not look like a text log. Choose a text log or paste the words.");
    public static readonly LocalizedText TooLarge = new("大きすぎます ({0} MB まで)。エラーの前後だけを貼り付けてください。", "Too large (up to {0} MB). Paste only the part around the error.");
    public static readonly LocalizedText TooMany = new("短い時間に多くの診断が始められました。少し待ってからやり直してください。", "Too many diagnoses were started in a short time. Please wait a moment and try again.");
    public static readonly LocalizedText Conflict = new("同じ診断が別の画面で進められました。ページを読み込み直してください。", "This diagnosis was changed in another window. Please reload the page.");
    public static readonly LocalizedText Stale = new("この画面は古くなっています。最新の手順を表示しました。", "This page was out of date; here is the current step.");
    public static readonly LocalizedText FoundMatches = new("貼り付けた内容から見つかったこと", "What the pasted text showed");
    public static readonly LocalizedText PasswordCheck = new("暗号化バックアップのパスワードを確かめる", "Check an encrypted backup's password");
    public static readonly LocalizedText PasswordHelp = new("パスワードは確認に使うだけで、保存も記録もしません。", "The password is used only for this check; it is never stored or logged.");
    public static readonly LocalizedText Password = new("パスワード", "Password");
    public static readonly LocalizedText Check = new("確かめる", "Check");
    public static readonly LocalizedText PasswordRight = new("パスワードは正しいです。", "The password is right.");
    public static readonly LocalizedText PasswordWrong = new("パスワードが違います。", "The password is wrong.");
    public static readonly LocalizedText NotEncrypted = new("このバックアップは暗号化されていません。", "This backup is not encrypted.");
    public static readonly LocalizedText Sizes = new("アプリごとの大きさ", "Size by app");
    public static readonly LocalizedText Verdict = new("判定", "Verdict");
    public static readonly LocalizedText LastBackup = new("最後のバックアップ", "Last backup");
    public static readonly LocalizedText SizeTotal = new("合計の大きさ", "Total size");
    public static readonly LocalizedText UseInDiagnosis = new("この結果を診断に使う", "Use this in a diagnosis");
    public static readonly LocalizedText NoDevice = new("接続されている iPhone・iPad は見つかりませんでした。", "No connected iPhone or iPad was found.");
    public static readonly LocalizedText ConnectionState = new("接続の状態", "Connection");
    public static readonly LocalizedText LocalOnly = new("このページは、ご自分のパソコンで動かしているときだけ使えます。", "This page works only when Kiriwake runs on your own computer.");
    public static readonly LocalizedText Footer = new("切り分けは、お使いのパソコンの中だけで動いています。貼り付けた内容は診断の期限が来ると削除されます。", "Kiriwake runs on this computer. What you paste is deleted when the diagnosis expires.");
    public static readonly LocalizedText Dfu = new("DFU モード", "DFU mode");
    public static readonly LocalizedText ForceRestart = new("強制再起動", "Force restart");
    public static readonly LocalizedText Recovery = new("リカバリーモード", "Recovery mode");
    public static readonly LocalizedText Warnings = new("注意", "Caution");

    public static readonly LocalizedText WhyPlatform = new("パソコンの種類によって画面や手順が違うため、最初に一度だけ伺います。", "The screens and steps differ by computer, so we ask this once.");
    public static readonly LocalizedText WhyFamily = new("機種によってボタンの押し方が違うため、最初に一度だけ伺います。", "The buttons differ by model, so we ask this once.");

    public static readonly LocalizedText BackupVerifiedNotice = new("バックアップを確認できました。消去を伴う方法も選べるようになりました。", "The backup checked out. Steps that erase can now be offered.");
    public static readonly LocalizedText BackupNotVerifiedNotice = new("このバックアップは完全ではないため、使えるとは言えません。消去を伴う方法はまだ行いません。", "This backup is not complete, so it cannot be relied on. Steps that erase stay held back.");
    public static readonly LocalizedText BackupChoose = new("確かめるバックアップ", "Backup to check");

    public static LocalizedText RiskOf(Risk risk) => risk switch
    {
        Risk.None => new("この手順でデータが消えることはありません。", "Nothing is lost by this step."),
        Risk.Low => new("データは消えません。設定やサインインをやり直すことがあります。", "No data is lost; you may have to set something up or sign in again."),
        Risk.High => new("データは消えませんが、途中で止めると端末が起動しなくなることがあります。手順どおり最後まで進めてください。", "No data is lost, but stopping halfway can leave the device unable to start. Follow the steps to the end."),
        _ => new("iPhone・iPad の中のデータがすべて消えます。確認できたバックアップがあるときだけ行ってください。", "Everything on the iPhone or iPad is erased. Do this only with a backup you have checked."),
    };

    public static LocalizedText Channel(SymptomChannel channel) => channel switch
    {
        SymptomChannel.Icloud => ChannelIcloud,
        SymptomChannel.Computer => ChannelComputer,
        SymptomChannel.Restore => ChannelRestore,
        SymptomChannel.App => ChannelApp,
        _ => ChannelGeneral,
    };

    public static LocalizedText PlatformName(Platform platform) => platform switch
    {
        Platform.Ios => new("iPhone・iPad", "iPhone or iPad"),
        Platform.WindowsItunes => new("Windows (iTunes)", "Windows (iTunes)"),
        Platform.WindowsAppleDevices => new("Windows (Apple デバイス アプリ)", "Windows (Apple Devices app)"),
        Platform.MacosFinder => new("Mac (Finder)", "Mac (Finder)"),
        _ => new("", ""),
    };

    public static LocalizedText FamilyName(ButtonFamily family) => family switch
    {
        ButtonFamily.IphoneHome => new("ホームボタンのある iPhone (6s 以前・SE 第1世代)", "iPhone with a Home button (6s or earlier, SE 1st gen)"),
        ButtonFamily.Iphone7 => new("iPhone 7 / 7 Plus", "iPhone 7 / 7 Plus"),
        ButtonFamily.IphoneNoHome => new("iPhone 8 以降 (X 以降、SE 第2・第3世代を含む)", "iPhone 8 or later (X and later, SE 2nd/3rd gen)"),
        ButtonFamily.IpadHome => new("ホームボタンのある iPad", "iPad with a Home button"),
        _ => new("ホームボタンのない iPad", "iPad without a Home button"),
    };

    public static LocalizedText ProcedureName(ProcedureKind kind) => kind switch
    {
        ProcedureKind.ForceRestart => ForceRestart,
        ProcedureKind.Recovery => Recovery,
        _ => Dfu,
    };
}

/// <summary>Language codes in URLs, cookies and the store.</summary>
public static class LanguageCodes
{
    public static string Of(Language language) => language == Language.Ja ? "ja" : "en";

    public static Language? Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "JA" => Language.Ja,
        "EN" => Language.En,
        _ => null,
    };
}
