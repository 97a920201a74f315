package rules_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/rules"
)

// Fixture parts for the request family (catalog section 3).
const (
	reqHead = "プライバシーポリシー\n株式会社サンプル（以下「当社」といいます。）は、個人情報を適切に取り扱います。\n"
	// reqContact is a contact section that request clauses can point to.
	reqContact = "第10条（お問い合わせ窓口）\n株式会社サンプル　個人情報お問い合わせ窓口\n住所：〒100-0001 東京都千代田区千代田1-1-1\nメール：privacy@example.co.jp\n"
	// reqAllRights names every request type.
	reqAllRights = "ご本人は、当社に対し、保有個人データの利用目的の通知、開示、訂正・追加・削除、利用停止・消去、第三者提供の停止及び第三者提供記録の開示を請求することができます。\n"
	reqHow       = "開示等のご請求は、当社所定の請求書に必要事項をご記入のうえ、下記窓口までご郵送ください。\n"
	reqID        = "ご請求の際は、運転免許証、パスポート等の本人確認書類の写しを同封してください。\n"
	reqFee       = "利用目的の通知及び開示のご請求については、1件につき1,000円の手数料をいただきます。\n"
	reqUnrelated = "第8条（ポリシーの改定）\n当社は、本ポリシーを改定することがあります。\n改定後の内容は当社ウェブサイトに掲載します。\n第9条（Cookie）\n当社はCookieを利用します。\nブラウザの設定により無効にできます。\n"
)

// reqPolicy builds a policy with a section about requests.
func reqPolicy(requestSection string, tail ...string) string {
	return reqHead + "第5条（開示等の請求）\n" + requestSection + strings.Join(tail, "")
}

// reqComplete satisfies every rule of the family.
var reqComplete = reqPolicy(reqAllRights+reqHow+reqID+reqFee, reqContact)

func TestRequestProcedure(t *testing.T) {
	runFixtures(t, "appi/request-procedure", []fixture{
		{name: "complete policy", text: reqComplete},
		{name: "form and mail to the contact below", text: reqPolicy(reqAllRights+reqHow, reqUnrelated, reqContact)},
		{name: "pointer to the contact section below", text: reqPolicy(reqAllRights+"ご請求は下記お問い合わせ窓口までご連絡ください。\n", reqUnrelated, reqContact)},
		{name: "pointer by article number", text: reqPolicy(reqAllRights+"これらの請求を行う場合は、第10条に記載のお問い合わせ窓口までご連絡ください。\n", reqUnrelated, reqContact)},
		{name: "email in the same sentence (fullwidth)", text: reqPolicy(reqAllRights + "開示等のご請求は、ｐｒｉｖａｃｙ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ宛にメールでお送りください。\n")},
		{name: "named contact point followed by its phone", text: reqHead + "・開示等のお申し出は当社お客様相談室へご連絡ください。\n会社名：株式会社サンプル\nお客様相談室：電話　０３－１２３４－５６７８\n"},
		{name: "table row in the request section", text: reqPolicy(reqAllRights + "| 請求先 | privacy@example.co.jp |\n| 受付時間 | 平日10時〜17時 |\n")},
		{name: "tab row in the request section", text: reqPolicy(reqAllRights + "請求先\t〒100-0001 東京都千代田区千代田1-1-1 株式会社サンプル\n")},
		{name: "named procedure page", text: reqPolicy(reqAllRights + "請求の手続きについては、当社ウェブサイトの「個人情報の開示等の請求手続きのご案内」をご覧ください。\n")},
		{name: "named page of the site", text: reqHead + "当社は、お客様による個人情報の訂正や利用停止のお求めを、当社ホームページの「お問い合わせ」にて承ります。\n"},
		{name: "inquiry form in the same sentence", text: reqHead + "開示等のご請求は、当社ウェブサイトのお問い合わせフォームよりお申し込みください。\n"},
		{name: "URL below", text: reqPolicy(reqAllRights + "ご請求は、以下のURLからお手続きください。\nhttps://example.co.jp/privacy/request\n")},
		{name: "named procedure document", text: reqPolicy(reqAllRights + "ご請求があった場合には、当社の「個人情報開示等請求手続き」に従い対応いたします。\n")},
		{name: "contact point with its article", text: reqPolicy(reqAllRights+"ご請求は、お問い合わせ窓口（第10条）までご連絡ください。\n", reqUnrelated, reqContact)},
		{name: "menu path in the app", text: reqPolicy(reqAllRights + "ご請求は、本アプリの「設定」から「お問い合わせ」を開き、「個人情報の開示等の請求」を選んで送信してください。\n")},
		{name: "menu path with arrows", text: reqPolicy(reqAllRights + "開示等のご請求は、マイページの「アカウント」→「データの開示請求」から行ってください。\n")},
		{name: "request item to tap", text: reqPolicy(reqAllRights + "これらの請求は、アプリ内の「開示等請求」ボタンをタップして行うことができます。\n")},
		{name: "prescribed application form", text: reqPolicy(reqAllRights + "(1) 開示等のご請求は、当社所定の申請書によりお願いいたします。\n")},

		{name: "no request at all", text: reqHead + reqUnrelated + reqContact, fire: true},
		{name: "only 'as the law requires'", text: reqPolicy(reqAllRights+"開示等のご請求には、法令に従い適切に対応いたします。\n", reqUnrelated), fire: true},
		{name: "desk named but no way to reach it", text: reqPolicy(reqAllRights+"お客様が個人情報を提供された会社のご案内する窓口までご連絡ください。\n", reqUnrelated), fire: true},
		{name: "definition with 以下 is not a pointer", text: reqPolicy(reqAllRights+"開示等の請求（以下「請求」という）は窓口までご連絡ください。\n", reqUnrelated, reqContact), fire: true},
		{name: "pointer below but no address follows", text: reqPolicy(reqAllRights+"開示等のご請求は下記メールアドレスよりご連絡ください。\n", reqUnrelated), fire: true},
		{name: "undisclosed own procedure", text: reqPolicy(reqAllRights+"開示等の請求は、当社が別途定めた手続きに従って行っていただきます。\n", reqUnrelated), fire: true},
		{name: "'here' with the link lost", text: reqPolicy(reqAllRights+"本人からの個人情報開示、訂正、削除についてのお問い合わせはこちらで受け付けています。\n", reqUnrelated), fire: true},
		{name: "menu path for settings, not for requests", text: reqPolicy(reqAllRights+"開示等のご請求には、法令に従い対応いたします。\n", "第9条（Cookie）\nCookieは、ブラウザの「設定」から「プライバシー」を開いて無効にできます。\n"), fire: true},
		{name: "menu path negated", text: reqPolicy(reqAllRights+"開示等のご請求は、現在アプリの「設定」から「お問い合わせ」を開いても受け付けておりません。\n", reqUnrelated), fire: true},
		{name: "general inquiry contact not tied to requests", text: reqPolicy(reqAllRights+"法令に従い対応いたします。\n", reqUnrelated,
			"第10条（お問い合わせ）\n本ポリシーに関するご質問は、下記までご連絡ください。\nメール：info@example.co.jp\n"), fire: true},
	})
}

func TestRequestDisclosure(t *testing.T) {
	runFixtures(t, "appi/request-disclosure", []fixture{
		{name: "complete policy", text: reqComplete},
		{name: "right to request", text: reqHead + "ご本人は、当社が保有する自己の個人情報の開示を請求することができます。\n"},
		{name: "conditional form", text: reqHead + "当社は、ご本人から個人情報の開示を求められたときは、遅滞なく開示します。\n"},
		{name: "named only in the fee clause", text: reqHead + "開示のご請求には、1件につき1,000円の手数料をいただきます。\n"},
		{name: "list under the request heading", text: reqHead + "第5条（保有個人データの開示等の請求）\n(1) 利用目的の通知\n(2) 開示\n(3) 訂正等\n"},
		{name: "table row", text: reqHead + "| 請求の種類 | 内容 |\n| 開示請求 | 保有個人データの開示を請求できます |\n"},
		{name: "access to one's own data", text: reqHead + "お客様は、ご自身の個人情報へのアクセス、訂正、削除を求めることができます。\n"},
		{name: "照会 beside 訂正・削除", text: reqHead + "ご本人が自らの個人情報の照会／訂正／削除等を希望される場合は、速やかに対応いたします。\n"},
		{name: "exceptions to the right", text: reqHead + "当社は、次の場合には開示の請求に応じません。\n・法令に違反する場合\n"},
		{name: "refusal after a condition limits the right", text: reqHead + "ご本人であることが確認できない場合には、開示に応じません。\n"},

		{name: "no request at all", text: reqHead + reqUnrelated, fire: true},
		{name: "disclosure to third parties", text: reqHead + "当社は、ご本人の同意なく、個人情報を第三者に開示・提供することはいたしません。\nご本人は訂正を請求できます。\n", fire: true},
		{name: "exceptions list of provision", text: reqHead + "当社は、次の場合を除き、個人情報を第三者に開示いたしません。\n・お客さまが希望されるサービスのために業務を委託する業者に対して開示する場合\n・法令に基づき開示することが必要である場合\n", fire: true},
		{name: "request by a court", text: reqHead + "裁判所、警察等から法令に基づき開示を求められた場合は、これに応じることがあります。\n", fire: true},
		{name: "corporate disclosure", text: reqHead + "当社は、適時適切な情報開示に関するお問い合わせに対応します。\n", fire: true},
		{name: "negated", text: reqHead + "当社は、保有個人データの開示の請求には応じておりません。\n", fire: true},
		{name: "definition of retained data only", text: reqHead + "「保有個人データ」とは、当社が開示、内容の訂正、追加又は削除、利用の停止、消去及び第三者への提供の停止を行うことのできる権限を有する個人データをいいます。\n", fire: true},
	})
}

func TestRequestPurposeNotice(t *testing.T) {
	runFixtures(t, "appi/request-purpose-notice", []fixture{
		{name: "complete policy", text: reqComplete},
		{name: "list item under heading", text: reqHead + "第5条（保有個人データの開示等の請求）\n①利用目的の通知\n②開示\n"},
		{name: "conditional form", text: reqHead + "当会は、ご本人から利用目的の通知及び内容の開示を求められた場合、遅滞なく対応します。\n"},
		{name: "fee clause only", text: reqHead + "個人情報の開示・利用目的の通知をご請求される場合、1回のご請求ごとに1,000円をいただきます。\n"},

		{name: "notice at collection (21条)", text: reqHead + "当社は、個人情報の取得に際して利用目的を通知又は公表します。\nご本人は開示を請求できます。\n", fire: true},
		{name: "notice of changed purposes", text: reqHead + "利用目的を変更した場合には、ご本人に通知または公表します。\nご本人は開示を請求できます。\n", fire: true},
		{name: "rights list without it", text: reqHead + "ご本人は、開示、訂正、利用停止、第三者提供の停止を請求できます。\n", fire: true},
		{name: "negated", text: reqHead + "当社は、利用目的の通知のご請求には応じておりません。\n", fire: true},
	})
}

// reqCircleList names the requests as a ①… list after an introducing
// sentence; the entries carry no request word of their own.
const reqCircleList = "ご本人の権利\nご本人は、当社に対し、以下の請求を行うことができます。\n①保有個人データの利用目的の通知\n②保有個人データの開示\n③保有個人データの内容の訂正、追加または削除\n④保有個人データの利用の停止または消去\n⑤保有個人データの第三者への提供の停止\n⑥第三者提供記録の開示\n"

func TestRequestCircleList(t *testing.T) {
	text := reqHead + reqCircleList
	for _, id := range []string{"appi/request-purpose-notice", "appi/request-disclosure", "appi/request-provision-records",
		"appi/request-correction", "appi/request-suspension", "appi/request-third-party-stop"} {
		runFixtures(t, id, []fixture{{name: "circled list after an introducing sentence", text: text}})
	}
	// Short lines after a sentence that introduces something else are not
	// requests.
	runFixtures(t, "appi/request-correction", []fixture{{name: "list after another introduction", fire: true,
		text: reqHead + "ご本人は開示を請求できます。\n当社は、以下の場合に個人情報を利用します。\n・登録内容の確認\n・アカウントの削除\n"}})
}

func TestRequestProvisionRecords(t *testing.T) {
	runFixtures(t, "appi/request-provision-records", []fixture{
		{name: "complete policy", text: reqComplete},
		{name: "records of provision in the disclosure list", text: reqHead + "保有個人データ又は第三者提供の記録の開示を請求することができます。\n"},
		{name: "included in the disclosure procedure", text: reqHead + "②開示の請求手続（第三者提供記録の開示を含みます。）\n"},
		{name: "table row", text: reqHead + "第5条（開示等の請求）\n| 請求 | 手数料 |\n| 第三者提供記録の開示 | 1件1,000円 |\n"},

		{name: "retained data only", text: reqHead + "ご本人は、保有個人データの開示を請求することができます。\n", fire: true},
		{name: "keeping records is not disclosing them", text: reqHead + "当社は、個人データを第三者に提供した場合は、その記録を作成し保存します。\nご本人は開示を請求できます。\n", fire: true},
		{name: "negated", text: reqHead + "ご本人は保有個人データの開示を請求できます。\nなお、第三者提供記録の開示のご請求には応じておりません。\n", fire: true},
	})
}

func TestRequestCorrection(t *testing.T) {
	runFixtures(t, "appi/request-correction", []fixture{
		{name: "complete policy", text: reqComplete},
		{name: "訂正 alone", text: reqHead + "ご本人から個人情報の訂正を求められた場合には、遅滞なく対応します。\n"},
		{name: "修正 listed with 開示", text: reqHead + "当社は、開示、修正、削除または第三者提供の停止にかかるご本人からの申出があった場合には、対応します。\n"},
		{name: "list item under the heading", text: reqHead + "第5条（開示等の請求）\n・開示\n・削除\n"},
		{name: "object is the personal data", text: reqHead + "ご本人は、個人情報の削除を請求することができます。\n"},

		{name: "account deletion", text: reqHead + "会員が自身のアカウントを削除すると、利用者情報は削除されます。\nご本人は開示を請求できます。\n", fire: true},
		{name: "documents added later", text: reqHead + "第5条（開示等の請求）\nご本人は開示を請求できます。\n書類に不備がある場合は、追加で同封をお願いいたします。\n", fire: true},
		{name: "negated", text: reqHead + "ご本人は開示を請求できます。\n当社は、個人情報の訂正のご請求には応じておりません。\n", fire: true},
	})
}

func TestRequestSuspension(t *testing.T) {
	runFixtures(t, "appi/request-suspension", []fixture{
		{name: "complete policy", text: reqComplete},
		{name: "利用の停止又は消去", text: reqHead + "ご本人は、個人情報の利用の停止又は消去を請求することができます。\n"},
		{name: "利用(…)の停止 with a parenthesis", text: reqHead + "当社は、個人情報の開示、訂正、利用(商品やサービスの紹介)の停止、消去に関するお問い合わせに対応します。\n"},
		{name: "fee clause names it", text: reqHead + "訂正、追加、消去、利用停止又は第三者提供の停止のときは手数料は不要です。\n"},
		{name: "list item", text: reqHead + "第5条（開示等の請求）\n(1) 開示\n(2) 利用停止等\n"},

		{name: "削除 only (34条)", text: reqHead + "当社は、開示、修正、削除にかかるご本人からの申出に対応します。\n", fire: true},
		{name: "newsletter opt-out", text: reqHead + "メールマガジンの配信停止をご希望の場合は、設定画面から手続きしてください。\nご本人は開示を請求できます。\n", fire: true},
		{name: "account suspension by the operator", text: reqHead + "規約違反の申出があった場合、当社はアカウントの利用停止を行います。\nご本人は開示を請求できます。\n", fire: true},
		{name: "routine disposal", text: reqHead + "退会のお申し出があった場合、登録データを消去します。\nご本人は開示を請求できます。\n", fire: true},
		{name: "negated", text: reqHead + "ご本人は開示を請求できます。\nただし、利用停止のご請求には応じておりません。\n", fire: true},
	})
}

func TestRequestThirdPartyStop(t *testing.T) {
	runFixtures(t, "appi/request-third-party-stop", []fixture{
		{name: "complete policy", text: reqComplete},
		{name: "第三者への提供の停止", text: reqHead + "ご本人は、個人データの第三者への提供の停止を請求することができます。\n"},
		{name: "bare 提供停止 in the rights list", text: reqHead + "利用目的の通知、個人情報の開示、訂正、消去や利用停止、提供停止を求める権利があります。\n"},
		{name: "heading line of a table of rights", text: reqHead + "第三者提供の停止請求\n個人情報が不正に第三者に提供されている場合、その停止を請求できます。\n"},
		{name: "fee clause", text: reqHead + "訂正、利用停止又は第三者提供の停止のときは手数料は不要です。\n"},
		{name: "bare 提供の停止 in a list", text: reqHead + "ご本人は、保有個人データの利用の停止、消去又は提供の停止を請求することができます。\n"},

		{name: "利用停止・消去 alone", text: reqHead + "ご本人は、個人情報の利用停止または消去を請求することができます。\n", fire: true},
		{name: "negated", text: reqHead + "ご本人は利用停止を請求できます。\n当社は、第三者提供の停止には応じておりません。\n", fire: true},
		{name: "opt-out stop of 27条2項", text: reqHead + "当社はオプトアウトにより、本人の求めに応じて第三者への提供を停止することとしています。\nご本人は開示を請求できます。\n", fire: true},
		{name: "cookie provision to ad networks", text: reqHead + "広告配信事業者への情報提供を停止するための方法は各社にお問い合わせください。\nご本人は開示を請求できます。\n", fire: true},
	})
}

func TestIdentityVerification(t *testing.T) {
	runFixtures(t, "appi/identity-verification", []fixture{
		{name: "complete policy", text: reqComplete},
		{name: "designated documents", text: reqPolicy("当社は、開示等の求めに応じる場合において、当社が指定する資料（運転免許証、マイナンバーカード等）により、ご本人であることを確認します。\n")},
		{name: "list of documents under a heading", text: reqPolicy(reqAllRights + "＜ご本人様の確認のための書類＞\n・運転免許証\n・健康保険証\n")},
		{name: "agent's power of attorney", text: reqPolicy(reqAllRights + "代理人によるご請求の場合は、委任状をご提出ください。\n")},
		{name: "prescribed method", text: reqPolicy(reqAllRights + "当社所定の方法によりご本人であることを確認させていただきます。\n")},
		{name: "separate section on identification", text: reqPolicy(reqAllRights, reqUnrelated, reqUnrelated, "第12条（ご本人確認の方法）\n運転免許証、パスポートのいずれかの写しをご提出ください。\n")},
		{name: "registered data asked", text: reqPolicy(reqAllRights + "ご本人確認のため、ご登録いただいている氏名、生年月日をお伺いします。\n")},
		{name: "registered email address", text: reqPolicy(reqAllRights + "ご請求は、ご登録のメールアドレスからお送りいただくことで本人確認を行います。\n")},

		{name: "no request at all", text: reqHead + reqUnrelated, fire: true},
		{name: "'after confirming' without how", text: reqPolicy(reqAllRights + "ご本人であることを確認のうえ、対応させていただきます。\n"), fire: true},
		{name: "identity documents as collected data", text: reqHead + "第2条（取得する情報）\n本人確認書類等に記載されている個人情報\n運転免許証番号\n" + reqUnrelated + reqUnrelated + reqPolicy(reqAllRights), fire: true},
		{name: "definition of an identifier", text: reqPolicy(reqAllRights + "個人識別符号には、旅券の番号、運転免許証の番号、住民票コード等が含まれます。\n"), fire: true},
	})
}

func TestFee(t *testing.T) {
	runFixtures(t, "appi/fee", []fixture{
		{name: "complete policy", text: reqComplete},
		{name: "amount after the fee sentence", text: reqPolicy(reqAllRights + "個人情報の開示をご請求する場合、手数料をいただきます。\n1回の請求ごとに、500円（税込）\n")},
		{name: "fullwidth amount", text: reqPolicy(reqAllRights + "開示の請求については、手数料として１件につき１，０００円を申し受けます。\n")},
		{name: "free of charge", text: reqPolicy(reqAllRights + "開示等のご請求に係る手数料は無料です。\n")},
		{name: "no fee charged", text: reqPolicy(reqAllRights + "開示等のご請求について、手数料はいただきません。\n")},
		{name: "not collected", text: reqPolicy(reqAllRights + "なお、手数料は徴収しておりません。\n")},
		{name: "table with a fee column", text: reqPolicy(reqAllRights + "| 請求の種類 | 手数料 |\n| 開示 | 1,000円 |\n")},
		{name: "fee heading", text: reqPolicy(reqAllRights + "4. 開示等の手数料\n個人情報の開示をご請求される場合、1回のご請求ごとに1,000円をいただきます。\n")},

		{name: "no word on fees", text: reqPolicy(reqAllRights), fire: true},
		{name: "actual costs", text: reqPolicy(reqAllRights + "開示手数料は実費といたします。\n"), fire: true},
		{name: "prescribed fee without amount", text: reqPolicy(reqAllRights + "開示のご請求には、所定の手数料をいただきます。\n"), fire: true},
		{name: "may charge", text: reqPolicy(reqAllRights + "開示手数料をいただく場合がございます。\n"), fire: true},
		{name: "billing section is not the request section", text: reqPolicy(reqAllRights, reqUnrelated, reqUnrelated, "第11条（ご請求について）\n月額利用料金1,000円をご請求します。\n"), fire: true},
		{name: "free service is not a free request", text: reqPolicy(reqAllRights + "本サービスは無料でご利用いただけます。\n"), fire: true},
		{name: "price of the service is not the fee", text: reqPolicy(reqAllRights, reqUnrelated, reqUnrelated, "第11条（料金）\n本サービスの利用料金は月額500円です。\n"), fire: true},
	})
}

// TestFeeBlanks: an amount left as a 【…】 blank states the fee
// (appi/placeholder reports the blank); other marks (○○円) do not.
func TestFeeBlanks(t *testing.T) {
	runBlankFixtures(t, "appi/fee", []fixture{
		{name: "drafted clause", text: reqPolicy(reqAllRights + rules.ByID("appi/fee").Fix.JA + "\n")},
		{name: "table cell", text: reqPolicy(reqAllRights + "| 請求の種類 | 手数料 |\n| 開示 | 【金額】円 |\n")},
		{name: "bracketed heading without an amount", fire: true, text: reqPolicy(reqAllRights + "【手数料について】\n開示のご請求には、所定の手数料をいただきます。\n")},
	})
	runFixtures(t, "appi/fee", []fixture{
		{name: "circles are no amount", fire: true, text: reqPolicy(reqAllRights + "開示のご請求については、1件につき○○円（税込）の手数料をいただきます。\n")},
	})
}

// TestRequestEvidenceMutation deletes the evidence a satisfied rule cites
// and expects the rule to fire: the evidence must be what satisfies it.
func TestRequestEvidenceMutation(t *testing.T) {
	ids := []string{"appi/request-procedure", "appi/request-purpose-notice", "appi/request-disclosure",
		"appi/request-provision-records", "appi/request-correction", "appi/request-suspension",
		"appi/request-third-party-stop", "appi/identity-verification", "appi/fee"}
	texts := map[string]string{
		"complete": reqComplete,
		"pointer":  reqPolicy(reqAllRights+"ご請求は下記お問い合わせ窓口までご連絡ください。\n"+reqID+reqFee, reqUnrelated, reqContact),
	}
	for name, text := range texts {
		res := run(t, text)
		for _, id := range ids {
			var ev []model.Span
			for _, o := range res.Outcomes {
				if o.Rule.ID == id && o.Status == engine.StatusOK {
					ev = o.Evidence
				}
			}
			if len(ev) == 0 {
				t.Errorf("%s: %s is not satisfied or cites no evidence", name, id)
				continue
			}
			mutated := run(t, without(res.Doc.Text, ev))
			if len(findingsOf(mutated, id)) == 0 {
				t.Errorf("%s: %s still satisfied after deleting its evidence:\n%s", name, id, mutated.Doc.Text)
			}
		}
	}
}

// without returns text with the spans cut out.
func without(text string, spans []model.Span) string {
	sorted := append([]model.Span(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	var b strings.Builder
	at := 0
	for _, s := range sorted {
		if s.Start > at {
			b.WriteString(text[at:s.Start])
		}
		if s.End > at {
			at = s.End
		}
	}
	b.WriteString(text[at:])
	return b.String()
}

// TestRequestCorpusMutation repeats the mutation check on the labelled
// corpus: for each document where a rule of the family is satisfied,
// deleting its evidence must make it fire.
func TestRequestCorpusMutation(t *testing.T) {
	sets := corpusSets(t)
	_, results := checkCorpus(t, sets)
	for name, res := range results {
		for _, o := range res.Outcomes {
			if !isRequestRule(o.Rule.ID) || o.Status != engine.StatusOK {
				continue
			}
			text := without(res.Doc.Text, o.Evidence)
			format := res.Doc.Format
			if format == "html" {
				format = "txt" // the text is already extracted
			}
			doc, err := parse.Source(&load.Source{Path: name, Format: format, Encoding: "utf-8", Orig: text, Text: text})
			if err != nil {
				t.Fatal(err)
			}
			mutated := engine.Run(doc, rules.All(), engine.DefaultConfig())
			if len(findingsOf(mutated, o.Rule.ID)) == 0 {
				t.Errorf("%s: %s still satisfied after deleting its evidence", name, o.Rule.ID)
			}
		}
	}
}

func isRequestRule(id string) bool {
	return strings.HasPrefix(id, "appi/request-") || id == "appi/identity-verification" || id == "appi/fee"
}
