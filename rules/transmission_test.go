package rules_test

import (
	"testing"

	"github.com/appilint/appilint/rules"
)

// transmissionTable is a complete disclosure in the table form of the
// 総務省 guidelines.
const transmissionTable = `## 外部送信について

本サービスでは、以下の情報収集モジュールを利用しています。

| モジュール名 | 送信先 | 送信される情報 | 利用目的 |
|---|---|---|---|
| Google Analytics | Google LLC | 閲覧したページのURL、IPアドレス | アクセス解析 |
`

// transmissionKV is a complete disclosure in label/value rows.
const transmissionKV = "3-2 本サービスには以下の情報収集モジュールが組み込まれています。\n" +
	"情報収集モジュールの名称\tSampleSDK\n情報収集モジュール提供者\tSample, Inc.\n" +
	"提供される利用者情報の項目\t端末識別子、クラッシュログ\n利用目的\tエラー監視\n"

// transmissionProse is a complete disclosure in sentences.
const transmissionProse = "当サイトでは、Google LLCが提供するGoogle アナリティクスを利用しています。" +
	"Google アナリティクスは、Cookieにより閲覧履歴やIPアドレスをGoogle LLCに送信します。" +
	"送信された情報は、当サイトの利用状況を分析し、サービスを改善するために利用されます。"

func TestTransmissionContent(t *testing.T) {
	runFixtures(t, "telecom/transmission-content", []fixture{
		{name: "table", text: transmissionTable},
		{name: "label value rows", text: transmissionKV},
		{name: "prose", text: transmissionProse},
		{name: "fullwidth", text: "当社は、Ｇｏｏｇｌｅ Ａｎａｌｙｔｉｃｓを利用し、ＩＰアドレス等をＧｏｏｇｌｅ ＬＬＣに送信しています。"},
		{name: "list items", text: "## 外部送信\n\n本サービスは次の外部送信を行います。\n・送信先：Meta Platforms, Inc.\n・送信される情報：広告ID、閲覧履歴\n・目的：広告の配信"},
		{name: "first-party cookie only", text: "当社は、ログイン状態の保持のためにCookieを使用します。Cookieの情報を第三者に提供することはありません。"},
		{name: "analytics not used", text: "当社ウェブサイトでは、現時点においてGoogle Analyticsなどのアクセス解析ツールは導入しておりません。"},
		{name: "analytics only planned", text: "今後Google Analyticsを導入する場合は、本ポリシーを改定してお知らせします。"},
		{name: "Bluetooth beacon", text: "位置情報は、端末がBLEビーコンから受信した電波の情報を基に本システムが算出します。"},
		{name: "no transmission", text: "当社は、お客様の氏名、メールアドレスを取得します。"},
		{name: "provision by the operator is not transmission", text: "当社は、Cookie等の識別子に紐づいた閲覧履歴を、提携先に提供することがあります。"},
		{name: "deferred to the operator's own notice", text: "## 外部送信について\n\n当社は、本サービスにおいて外部送信を行っています。送信される情報、送信先及び利用目的は、当社ウェブサイトの「外部送信ポリシー」のページ（https://example.co.jp/tx）に掲載しています。"},
		{name: "tool described in full elsewhere", text: "1. 利用目的\n当社は、Google Analyticsによるアクセス解析のため、お客様の情報を利用します。\n2. 未成年者\n未成年者は保護者の同意を得てご利用ください。\n3. 個人情報の管理\n当社は個人情報を適切に管理します。\n\n" + transmissionProse},

		{name: "cookie banner pointing to the section", text: "## 外部送信について\n\n当サイトでは、Google LLCが提供するGoogle アナリティクスにより、閲覧したページのURLとIPアドレスをGoogle LLCに送信しています。\n\n## 本ポリシーの変更\n\n当社は本ポリシーを変更することがあります。\n当サイトでは、アクセス解析のためにCookieを使用しています。詳しくはプライバシーポリシーの「外部送信について」をご覧ください。"},
		{name: "named ad service with the information sent", text: "## Cookie及び広告配信について\n\n本サイトでは、サンプル株式会社の広告配信サービスを利用しています。同社は、広告を表示するため、Cookie IDと閲覧履歴を取得します。"},
		{name: "named ad service not used", text: "本サイトでは、サンプル株式会社の広告配信サービスは利用しておりません。"},
		{name: "operator's own cookies", text: "株式会社サンプル（以下「当社」といいます。）は、個人情報を適切に取り扱います。\n株式会社サンプルのCookieは、ログイン状態の保持に使用します。"},
		{name: "table with the information sent", text: "## 外部送信\n\n本サービスでは、以下の情報収集モジュールを利用しています。\n\n| モジュール名 | 送信先 | 送信される情報 |\n|---|---|---|\n| Sample Tag | Sample, Inc. | Cookie ID、閲覧履歴 |\n"},

		{name: "transmission stated, details pointed to by a quoted title", fire: true, text: "当サイトでは外部送信を行っています。詳しくは「Cookieポリシー」をご覧ください。"},
		{name: "named ad service, cookies only", fire: true, text: "## Cookie及び広告配信について\n\n本サイトでは、サンプル株式会社及びSample LLCの広告配信サービスを利用しています。これらの事業者は、広告を表示するため、Cookieを使用することがあります。"},
		{name: "table naming cookies as the information", fire: true, text: "## 外部送信\n\n本サービスでは、以下の情報収集モジュールを利用しています。\n\n| モジュール名 | 送信先 | 送信される情報 |\n|---|---|---|\n| Sample Tag | Sample, Inc. | Cookie |\n"},
		{name: "label naming cookies as the information", fire: true, text: "## 外部送信\n\n当社は情報収集モジュールを利用しています。\n・送信先：Sample, Inc.\n・送信される情報：サードパーティCookie等\n・目的：広告の配信"},
		{name: "deferred to the recipient's policy", fire: true, text: "当社はGoogle Analyticsを利用しています。送信される情報の詳細は、Googleのプライバシーポリシー（https://policies.google.com/privacy）をご確認ください。"},
		{name: "tool named, nothing on what is sent", fire: true, text: "当サイトでは、Google LLCのGoogle Analyticsを利用し、サービスの改善のために役立てています。"},
		{name: "third-party ad cookies, nothing on what is sent", fire: true, text: "当社は、提携する広告配信事業者であるSample株式会社のサードパーティCookieを広告配信のために使用しています。"},
	})
}

func TestTransmissionRecipient(t *testing.T) {
	runFixtures(t, "telecom/transmission-recipient", []fixture{
		{name: "table", text: transmissionTable},
		{name: "label value rows", text: transmissionKV},
		{name: "prose", text: transmissionProse},
		{name: "tab table with 提供元", text: "当社は以下の情報収集モジュールを利用しています。\n情報収集モジュール名\tSample Analytics\n提供元\tサンプル合同会社\n送信される情報\t閲覧履歴"},
		{name: "generic term followed by a list of names", text: "当社は、第三者配信事業者のクッキーを利用して広告を配信しています。\n主な配信事業者\nグーグル株式会社\nヤフー株式会社"},
		{name: "list introduced by 下記の企業", text: "当社は、下記の企業が提供するアクセス解析ツールを利用しています。\n* SampleTrack\n* AcmeMetrics"},
		{name: "anaphoric generic term", text: "当社はGoogle LLCのGoogle Analyticsを利用しています。これらの第三者はCookieにより閲覧履歴を取得します。"},
		{name: "no transmission", text: "当社は、Cookieを使用してログイン状態を保持します。"},
		{name: "negated transmission", text: "当社は、Cookieで取得した情報を第三者に送信しておりません。"},

		{name: "named ad service", text: "## Cookie及び広告配信について\n\n本サイトでは、サンプル株式会社の広告配信サービスを利用しています。同社は、Cookieにより閲覧履歴を取得します。"},
		{name: "cookie banner pointing to the section", text: "## 外部送信について\n\n当サイトでは、Google LLCが提供するGoogle アナリティクスにより、閲覧したページのURLをGoogle LLCに送信しています。\n\n## 本ポリシーの変更\n\n当社は本ポリシーを変更することがあります。\n当サイトでは、アクセス解析のためにCookieを使用しています。詳しくはプライバシーポリシーの「外部送信について」をご覧ください。"},
		{name: "pointer alone is no transmission", text: "当サイトでは、ログイン状態の保持のためにCookieを使用しています。詳しくは「外部送信ポリシー」をご確認ください。"},
		{name: "row marked as the one above", text: "## 外部送信\n\n本サービスでは、以下の情報収集モジュールを利用しています。\n\n| モジュール名 | 提供者 | 送信される情報 |\n|---|---|---|\n| Sample Analytics | Sample, Inc. | 閲覧履歴 |\n| Sample Crash | ↑ | クラッシュログ |\n"},
		{name: "merged recipient cell", text: "## 外部送信\n\n本サービスでは、以下の情報収集モジュールを利用しています。\nモジュール名\t提供者\t送信される情報\tデータの利用目的\nSample Analytics\tSample, Inc.\t閲覧履歴\t利用状況の分析\nSample Crash\tクラッシュログ\t不具合の修正\n"},

		{name: "recipient cell left empty (tabs)", fire: true, text: "## 外部送信\n\n本アプリには次の情報収集モジュールが組み込まれています。\nモジュール名\t提供者\t送信される情報\t利用目的\nSample Analytics\tSample, Inc.\t閲覧履歴\t利用状況の分析\nAcme SDK\t\t広告識別子\t広告の配信\n"},
		{name: "recipient cell left empty (markdown)", fire: true, text: "## 外部送信\n\n本サービスでは、以下の情報収集モジュールを利用しています。\n\n| モジュール名 | 送信先 | 送信される情報 |\n|---|---|---|\n| Sample Analytics | Sample, Inc. | 閲覧履歴 |\n| Acme SDK |  | 広告識別子 |\n"},
		{name: "recipient cell with a dash", fire: true, text: "## 外部送信\n\n本サービスでは、以下の情報収集モジュールを利用しています。\n\n| モジュール名 | 送信先 | 送信される情報 |\n|---|---|---|\n| Sample Analytics | Sample, Inc. | 閲覧履歴 |\n| Acme SDK | - | 広告識別子 |\n"},
		{name: "recipient row left empty", fire: true, text: "本サービスには以下の情報収集モジュールが組み込まれています。\n情報収集モジュールの名称\tSampleSDK\n\n情報収集モジュール提供者\n\n提供される利用者情報の項目\t端末識別子\n利用目的\tエラー監視\n" +
			"当サービスはGoogle LLCのGoogle Analyticsも利用しています。"},
		{name: "unnamed partners", fire: true, text: "当社と提携する第三者が、サードパーティCookieにより閲覧履歴を取得します。"},
		{name: "unnamed ad companies", fire: true, text: "## Cookieについて\n\nCookieは、提携する広告配信サービス提供会社における行動ターゲティング広告の配信に使用される場合があります。"},
		{name: "one transmission named, another not", fire: true, text: "## クッキーの使用について\n\n当社は、Google社の提供するGoogle Analyticsを利用しています。\n\nまた、当社が委託する第三者企業によってクッキー等を使用したターゲティング広告の配信が行われる場合があります。\n\n## 免責\n\n当社は責任を負いません。"},
		{name: "labelled generic recipient", fire: true, text: "## 外部送信\n\n当社は、利用者の端末から以下の外部送信を行っています。\n送信先：提携する広告配信事業者\n送信される情報：閲覧履歴、広告ID\n利用目的：広告の配信"},
		{name: "table with one generic row", fire: true, text: "当社は以下の情報収集モジュールを利用しています。\n\n| モジュール | 送信先 | 送信される情報 |\n|---|---|---|\n| Google Analytics | Google LLC | 閲覧履歴 |\n| 広告タグ | 提携する広告配信事業者 | 広告ID |\n"},
		{name: "operator's own name is no recipient", fire: true, text: "株式会社サンプル（以下「当社」）は、提携する広告事業者のサードパーティCookieを使用しています。\n\n株式会社サンプル"},
	})
}

func TestTransmissionPurpose(t *testing.T) {
	runFixtures(t, "telecom/transmission-purpose", []fixture{
		{name: "table", text: transmissionTable},
		{name: "label value rows", text: transmissionKV},
		{name: "prose", text: transmissionProse},
		{name: "purpose named as a use", text: "本サービスでは、アクセス解析と広告配信の目的で、サードパーティークッキーを使用しています。"},
		{name: "purpose in a heading-scoped list", text: "## 外部送信\n\n当社は情報収集モジュールを利用しています。\n(1)利用目的：利用状況の分析\n(2)送信先：Sample, Inc."},
		{name: "no transmission", text: "当社は、お客様の氏名を取得します。"},

		{name: "purpose deferred to the recipient", fire: true, text: "当社はGoogle Analyticsを利用しています。送信される情報はIPアドレス等です。詳しくはGoogle LLCのプライバシーポリシーをご確認ください。"},
		{name: "ad company names are no purpose", fire: true, text: "当社は、広告配信事業者であるSample株式会社のサードパーティCookieにより、閲覧履歴を送信しています。"},
	})
}

// TestTransmissionBlanks: each drafted clause, placed after the statement
// of transmission, states its item with 【…】 blanks (appi/placeholder
// reports them); the recipient's clause, one field a line, also states
// the information sent and the purpose.
func TestTransmissionBlanks(t *testing.T) {
	const stated = "当サイトでは外部送信を行っています。詳しくは「Cookieポリシー」をご覧ください。\n"
	recipient := stated + rules.ByID("telecom/transmission-recipient").Fix.JA
	for _, id := range []string{"telecom/transmission-content", "telecom/transmission-recipient", "telecom/transmission-purpose"} {
		runBlankFixtures(t, id, []fixture{
			{name: "recipient's clause", text: recipient},
			{name: "bracketed heading only", fire: true, text: "【外部送信について】\n" + stated},
		})
	}
	runBlankFixtures(t, "telecom/transmission-content", []fixture{
		{name: "own clause", text: stated + rules.ByID("telecom/transmission-content").Fix.JA},
	})
	runBlankFixtures(t, "telecom/transmission-purpose", []fixture{
		{name: "own clause", text: stated + rules.ByID("telecom/transmission-purpose").Fix.JA},
	})
}
