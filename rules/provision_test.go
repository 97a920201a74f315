package rules_test

import (
	"testing"

	"github.com/appilint/appilint/rules"
)

// provisionOperator opens the policies of the provision fixtures.
const provisionOperator = "株式会社サンプル（以下「当社」といいます。）は、個人情報を次のとおり取り扱います。\n"

// provisionContact states the operator's address and representative.
const provisionContact = "\n## お問い合わせ窓口\n株式会社サンプル\n代表取締役 山田太郎\n住所：東京都千代田区千代田1-1-1\n"

// jointUseRuleIDs are the joint-use rules in the order of jointDoc.fire.
var jointUseRuleIDs = []string{
	"appi/joint-use-items", "appi/joint-use-scope", "appi/joint-use-purpose",
	"appi/joint-use-manager", "appi/joint-use-manager-address", "appi/joint-use-manager-representative",
}

// jointDoc is a policy and, per joint-use rule, whether it must fire
// ('1') or not ('0').
type jointDoc struct {
	name string
	text string
	fire string
}

var jointDocs = []jointDoc{
	{"complete list with another business as manager", provisionOperator + "## 共同利用について\n当社は、以下のとおり個人データを共同利用いたします。\n" +
		"(1) 共同して利用される個人データの項目：氏名、住所、電話番号、購入履歴\n(2) 共同して利用する者の範囲：当社の子会社\n" +
		"(3) 利用する者の利用目的：商品の発送およびアフターサービスの提供\n" +
		"(4) 当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに法人にあっては、その代表者の氏名\n" +
		"株式会社サンプルホールディングス\n東京都港区芝公園4-2-8\n代表取締役 佐藤一郎\n", "000000"},
	{"markdown table with the operator as manager", provisionOperator + "## 個人データの共同利用\n当社は、次のとおり共同して利用します。\n| 項目 | 内容 |\n| --- | --- |\n" +
		"| 共同して利用される個人データの項目 | 氏名、メールアドレス |\n| 共同して利用する者の範囲 | 株式会社サンプル物流 |\n" +
		"| 利用する者の利用目的 | 商品の配送のため |\n| 管理責任者 | 当社 |\n" + provisionContact, "000000"},
	{"tab table under a heading", provisionOperator + "## 共同利用\n共同利用する個人データの項目\t氏名、住所\n共同利用者の範囲\tサンプルグループ各社\n共同利用の目的\tサービスのご案内\n" +
		"管理について責任を有する者\t株式会社サンプル\n" + provisionContact, "000000"},
	{"bracketed labels scoped by headings, no manager", provisionOperator + "## 第三者への提供\n### ③グループ会社間の共同利用\n【共同して利用される個人データの項目】\n「1. 取得する個人情報」記載の情報\n" +
		"【共同して利用する者の範囲】\n当社およびサンプルテクノロジー株式会社\n【利用する者の利用目的】\n「2. 利用目的」に記載された利用目的と同じです。\n", "000111"},
	{"heading over a list with bullets", provisionOperator + "## 共同利用について\n当社は、お客様の個人データを以下のとおり共同利用することがあります。\n" +
		"・共同利用する個人データの項目：氏名、生年月日、ご契約内容\n・共同利用者の範囲：当社の関連会社（一覧は https://example.co.jp/group ）\n" +
		"・共同利用の目的：保険商品のご案内\n・管理責任者：当社\n" + provisionContact, "000000"},
	{"circled numbers", provisionOperator + "当社は、以下のとおり個人データを共同で利用させていただく場合があります。\n①共同して利用される個人データの項目：氏名、住所\n" +
		"②共同して利用する者の範囲：株式会社サンプル販売\n③利用する者の利用目的：アフターサービスのため\n④管理について責任を有する者：株式会社サンプル\n" + provisionContact, "000000"},
	{"fullwidth numbering and colon", provisionOperator + "当社は、以下のとおり共同利用を行います。\n（１）共同利用する個人データの項目：氏名、電話番号\n（２）共同利用者の範囲：当社グループ会社\n" +
		"（３）共同利用の目的：商品のご案内\n（４）管理責任者：株式会社サンプル　代表取締役　山田太郎　東京都千代田区千代田１－１－１\n", "000000"},
	{"items and scope in the declaring sentence only", provisionOperator + "当社は、お客様の氏名、住所、電話番号を、当社の子会社と共同利用します。\n", "001111"},
	{"operator manages, stated in running text", provisionOperator + "## 共同利用\n当社は、お客様の氏名及び住所を当社グループ会社と共同利用します。共同利用の目的は、商品のご案内です。当社が管理について責任を有します。\n" + provisionContact, "000000"},
	{"operator manages, but its address and representative are not stated", provisionOperator + "## 共同利用\n当社は、以下のとおり共同利用します。\n・共同利用者の範囲：当社の子会社\n・管理責任者：当社\n", "101011"},
	{"another business manages without address or representative", provisionOperator + "当社は、以下のとおり共同利用します。\n共同利用する個人データの項目：氏名\n共同利用者の範囲：当社の子会社\n共同利用の目的：ご案内のため\n管理責任者：株式会社サンプルホールディングス\n" + provisionContact, "000011"},
	{"a natural person manages", provisionOperator + "当社は、以下のとおり共同利用します。\n共同利用する個人データの項目：氏名\n共同利用者の範囲：当社および株式会社サンプル商事\n共同利用の目的：ご案内のため\n管理について責任を有する者：山田 太郎（東京都千代田区千代田1-1-1）\n", "000000"},
	{"promise to publish later", provisionOperator + "第5条（共同利用）\n当社は、当社の業務提携先と個人情報を共同利用することがあります。この場合に当社は、共同利用に先立ち、共同して利用する個人情報の項目、共同して利用する者の範囲、利用する者の利用目的並びに当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに法人にあってはその代表者の氏名についてあらかじめ公表いたします。\n" + provisionContact, "111111"},
	{"may share, listed with outsourcing", provisionOperator + "当社は、同意なく第三者に提供しません。但し、目的の範囲内で共同利用会社との間でお客様の個人情報を共同利用する場合及び業務を委託する場合があります。\n" + provisionContact, "111111"},
	{"vague partners", provisionOperator + "当社は、パーソナルデータを当社の提携先、パートナー企業、代理店等と、共同利用する場合があります。\n共同して利用される個人データの項目：お客様の個人情報\n", "111111"},

	// Not triggers: nothing may be reported.
	{"statute paraphrase in a list of exceptions", provisionOperator + "次の場合は第三者提供に該当しません。\n・特定の者との間で共同して利用される個人データが当該特定の者に提供される場合であって、その旨並びに共同して利用される個人データの項目、共同して利用する者の範囲、利用する者の利用目的及び当該個人データの管理について責任を有する者の氏名又は名称について、あらかじめ本人に通知し、又は本人が容易に知り得る状態に置いているとき\n", "000000"},
	{"denied under a joint-use heading", provisionOperator + "## 共同利用について\n当社は、個人データの共同利用は行っていません。\n", "000000"},
	{"denied", provisionOperator + "当社は、お客様の個人情報を共同利用いたしません。\n", "000000"},
	{"only if we ever do", provisionOperator + "個人データを共同利用する場合は、あらかじめ公表いたします。\n", "000000"},
	{"another business's policy quoted", provisionOperator + "## サンプルグループ共通プライバシーポリシー\nサンプルグループ各社は、お客様の個人情報を共同利用することがあります。\n", "000000"},
	{"working together is outsourcing", provisionOperator + "第三者と共同して業務を遂行する場合に、個人情報の取り扱いを委託する場合があります。\n", "000000"},
	{"sharing is not declared joint use", provisionOperator + "当社は、親会社であるSample, Inc.と利用者情報を共有する場合があります。\n", "000000"},
	{"a facility used jointly", provisionOperator + "会員は、当施設の会議室を他の会員と共同利用することができます。\n", "000000"},
}

// jointFixtures returns the fixtures of the i-th joint-use rule.
func jointFixtures(i int) []fixture {
	out := make([]fixture, len(jointDocs))
	for k, d := range jointDocs {
		out[k] = fixture{name: d.name, text: d.text, fire: d.fire[i] == '1'}
	}
	return out
}

func TestJointUseItems(t *testing.T)     { runFixtures(t, jointUseRuleIDs[0], jointFixtures(0)) }
func TestJointUseScope(t *testing.T)     { runFixtures(t, jointUseRuleIDs[1], jointFixtures(1)) }
func TestJointUsePurpose(t *testing.T)   { runFixtures(t, jointUseRuleIDs[2], jointFixtures(2)) }
func TestJointUseManager(t *testing.T)   { runFixtures(t, jointUseRuleIDs[3], jointFixtures(3)) }
func TestJointUseAddress(t *testing.T)   { runFixtures(t, jointUseRuleIDs[4], jointFixtures(4)) }
func TestJointUseRepresent(t *testing.T) { runFixtures(t, jointUseRuleIDs[5], jointFixtures(5)) }

// TestJointUseNotApplicable checks that a policy without joint use gets
// "na", not "ok", from every joint-use rule.
func TestJointUseNotApplicable(t *testing.T) {
	res := run(t, provisionOperator+"当社は、お客様の個人情報を共同利用いたしません。\n")
	for _, o := range res.Outcomes {
		for _, id := range jointUseRuleIDs {
			if o.Rule.ID == id && o.Status != "na" {
				t.Errorf("%s: status %s, want na", id, o.Status)
			}
		}
	}
}

func TestThirdPartyConsent(t *testing.T) {
	runFixtures(t, "appi/third-party-consent", []fixture{
		{name: "consent and the law", text: provisionOperator + "当社は、法令に基づく場合を除き、あらかじめご本人の同意を得ることなく個人データを第三者に提供しません。"},
		{name: "consent only", text: provisionOperator + "お客さまにご承諾いただいた場合を除き、第三者に対しデータを開示・提供することはいたしません。"},
		{name: "closed list with bullets", text: provisionOperator + "## 第三者提供\n当社は、次のいずれかに該当する場合を除き、個人情報を第三者に開示いたしません。\n・お客さまの同意がある場合\n・法令に基づき開示することが必要である場合\n"},
		{name: "closed list with numbers", text: provisionOperator + "当社は、以下の場合を除き、お客様の個人情報を第三者に提供しません。\n(1) お客様の同意がある場合\n(2) 法令に基づく場合\n"},
		{name: "cases of provision listed", text: provisionOperator + "当社は、次の場合には、個人情報を第三者に開示することがあります。\n- お客様ご本人の同意がある場合\n- 法令に基づく場合\n"},
		{name: "consent obtained before provision", text: provisionOperator + "個人情報を第三者に提供する場合には、あらかじめご本人の同意を得ます。"},
		{name: "no provision at all", text: provisionOperator + "当社は、お客様の個人情報を第三者に提供しません。"},
		{name: "foreign parties included", text: provisionOperator + "当社は、あらかじめ利用者の同意を得ないで、第三者（日本国外にある者を含みます。）に提供しません。"},
		{name: "table row", text: provisionOperator + "| 項目 | 内容 |\n| --- | --- |\n| 第三者提供 | ご本人の同意なく第三者に提供することはありません |\n"},
		{name: "fullwidth parenthesis", text: provisionOperator + "当社は、法令に定める場合を除き、ご本人の同意なく、個人情報を第三者（外国にある第三者を含む。）に提供しません。"},

		{name: "nothing on provision", fire: true, text: provisionOperator + "当社は、お問い合わせへの回答のために個人情報を利用します。"},
		{name: "outsourcing only", fire: true, text: provisionOperator + "当社は、業務の一部を委託先に委託することがあります。"},
		{name: "provision without consent", fire: true, text: provisionOperator + "当社は、提携するパートナー企業等にパーソナルデータを連携（第三者提供）することがあります。"},
		{name: "cases without consent", fire: true, text: provisionOperator + "当社は、以下の場合に第三者に提供することがあります。\n・業務を委託する場合\n・合併により事業が承継される場合\n"},
		{name: "provision without consent announced", fire: true, text: provisionOperator + "当社は、ご本人の同意なく個人情報を第三者に提供することがあります。"},
		{name: "only with consent", text: provisionOperator + "当社は、ご本人の同意を得た場合に限り、個人データを第三者に提供します。"},
		{name: "deemed consent", fire: true, text: provisionOperator + "本サービスの利用により、第三者に提供することについて同意したものとみなします。"},
		{name: "foreign provision only", fire: true, text: provisionOperator + "外国にある第三者に提供する場合は、あらかじめご本人の同意を得ます。"},
		{name: "duty of contractors", fire: true, text: provisionOperator + "当社は、委託先が個人情報を第三者に提供しないよう監督します。"},
		{name: "statute explained", fire: true, text: provisionOperator + "法27条5項3号は、あらかじめご本人の同意を得ないで、その共同利用者に個人データを第三者提供できることを定めています。"},
	})
}

// optOutComplete states every item of 法27条2項.
const optOutComplete = "## オプトアウトによる第三者提供\n当社は、個人情報保護法第27条第2項に基づき、以下のとおり個人データを第三者に提供します。\n" +
	"1. 第三者への提供を利用目的とします。\n2. 第三者に提供される個人データの項目：氏名、住所、電話番号\n3. 取得の方法：官公庁が公開する資料からの収集\n" +
	"4. 提供の方法：電子媒体の送付\n5. ご本人の求めに応じて、ご本人が識別される個人データの第三者への提供を停止します。\n6. 本人の求めを受け付ける方法：下記窓口へのお電話\n"

func TestOptOutItems(t *testing.T) {
	runFixtures(t, "appi/opt-out-items", []fixture{
		{name: "all six items", text: provisionOperator + optOutComplete},
		{name: "section of noun-phrase items", text: provisionOperator + "## 第三者提供に関する事項（オプトアウト）\n当社は、以下のとおり、個人データを第三者に提供しています。\n" +
			"（1）第三者への提供を利用目的とすること\n（2）第三者に提供される個人データの項目：氏名、住所、電話番号\n（3）第三者に提供される個人データの取得の方法：現地調査\n" +
			"（4）第三者への提供の方法：書籍の販売\n（5）本人の求めに応じて当該本人が識別される個人データの第三者への提供を停止すること\n（6）本人の求めを受け付ける方法：下記お問い合わせ窓口まで\n"},
		{name: "opt-out refused", text: provisionOperator + "当社は、オプトアウトによる第三者提供は行いません。"},
		{name: "analytics opt-out", text: provisionOperator + "Google Analyticsの無効化は、「Google Analyticsオプトアウトアドオン」をインストールすることで可能です。"},
		{name: "ad vendors' opt-out pages", text: provisionOperator + "各第三者事業者のプライバシーポリシーならびにオプトアウトについては、以下をご参照ください。"},
		{name: "statute paraphrase", text: provisionOperator + "本人の求めに応じて当該本人が識別される個人データの第三者への提供を停止することとしている場合であって、所定の事項をあらかじめ本人に通知しているときは、第三者に提供することがあります。"},
		{name: "behavioural ads opt-out", text: provisionOperator + "## 広告配信とオプトアウト\n当社は、広告配信事業者（第三者）にCookie情報を提供しています。お客様はオプトアウトページから提供を停止できます。\n"},
		{name: "request to stop provision", text: provisionOperator + "ご本人から第三者提供の停止を求められた場合は、遅滞なく停止します。"},
		{name: "provision with consent only", text: provisionOperator + "当社は、同意を得ないで個人データを第三者に提供しません。"},

		{name: "opt-out without items", fire: true, text: provisionOperator + "当社は、オプトアウトにより個人データを第三者に提供することがあります。"},
		{name: "items missing", fire: true, text: provisionOperator + "## オプトアウト\n当社は、法第27条第2項に基づき、個人データを第三者に提供します。\n第三者への提供を利用目的とします。\nご本人の求めに応じて提供を停止します。\n"},
		{name: "promise instead of items", fire: true, text: provisionOperator + "当社は、オプトアウト手続により第三者に個人データを提供します。提供する項目等はあらかじめ公表いたします。"},
		{name: "section without items", fire: true, text: provisionOperator + "## 第三者への提供\n当社は、会員の氏名及び住所を提携先に提供しています。\nご本人の求めに応じて、第三者への提供を停止いたします。\n"},
		{name: "stop on request with provision", fire: true, text: provisionOperator + "当社は、会員の氏名を提携先に提供しますが、本人の求めに応じて第三者への提供を停止します。"},
	})
}

// jointBlankDecl declares joint use with every item but the manager.
const jointBlankDecl = provisionOperator + "## 共同利用\n当社は、以下のとおり個人データを共同利用します。\n" +
	"共同して利用される個人データの項目：氏名、住所\n共同して利用する者の範囲：当社の子会社\n利用する者の利用目的：商品の発送のため\n"

// TestJointUseBlanks: the manager's block with 【…】 blanks in its value
// slots states the manager, its address and its representative
// (appi/placeholder reports the blanks); a bracketed heading below the
// label states none.
func TestJointUseBlanks(t *testing.T) {
	for _, id := range jointUseRuleIDs[3:] {
		runBlankFixtures(t, id, []fixture{
			{name: "drafted clause", text: jointBlankDecl + rules.ByID(id).Fix.JA},
			{name: "blank block", text: jointBlankDecl + "当該個人データの管理について責任を有する者：株式会社【会社名】\n住所：〒【郵便番号】【住所】\n代表者：代表取締役 【氏名】\n"},
			{name: "bracketed heading below the label", fire: true, text: jointBlankDecl + "管理責任者\n【お問い合わせ窓口】\n"},
		})
	}
}
