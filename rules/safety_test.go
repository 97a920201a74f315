package rules_test

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/rules"
)

// Fixture parts for the safety-management family (catalog section 4).
const (
	sfHead    = "プライバシーポリシー\n株式会社サンプル（以下「当社」といいます。）は、お客様の個人情報を以下のとおり取り扱います。\n"
	sfPurpose = "第1条（利用目的）\n当社は、個人情報を以下の目的で利用します。\n・サービスの提供のため\n・お問い合わせへの対応のため\n"
	sfTail    = "第9条（お問い合わせ窓口）\n株式会社サンプル 個人情報お問い合わせ窓口\nメール：privacy@example.co.jp\n"
	// sfPromise is the generic promise that describes no measure.
	sfPromise = "当社は、個人情報の漏えい、滅失又はき損の防止その他の安全管理のために、必要かつ適切な措置を講じます。\n"
	// sfThreats names threats, not measures.
	sfThreats = "外部からの不正なアクセス、さらには紛失、破壊、改ざん等の危険に対しては、適切かつ合理的なレベルの安全対策を実施しています。\n"
	// sfContractor is the supervision of contractors (法25条).
	sfContractor = "第6条（委託先の監督）\n当社は、個人情報の取扱いを委託する場合には、委託先と秘密保持契約を締結し、委託先に対して定期的な監査を実施します。\n"
	// sfCompliance is the operator's declaration of compliance.
	sfCompliance = "当社は、個人情報保護法その他の関係法令及びガイドラインを遵守します。\n"
	// sfFull describes a measure of every category.
	sfFull = "当社は、保有個人データの安全管理のため、以下の措置を講じています。\n" +
		"(1) 基本方針の策定\n個人データの適正な取扱いの確保のため、関係法令・ガイドライン等の遵守、質問及び苦情処理の窓口等についての基本方針を策定\n" +
		"(2) 個人データの取扱いに係る規律の整備\n取得、利用、保存、提供、削除・廃棄等の段階ごとに、取扱方法、責任者・担当者及びその任務等について個人データの取扱規程を策定\n" +
		"(3) 組織的安全管理措置\n・個人データの取扱いに関する責任者を設置\n・従業者から責任者に対する報告連絡体制を整備\n" +
		"(4) 人的安全管理措置\n・個人データの取扱いに関する留意事項について、従業者に定期的な研修を実施\n" +
		"(5) 物理的安全管理措置\n・個人データを取り扱う区域において、従業者の入退室管理を実施\n" +
		"(6) 技術的安全管理措置\n・アクセス制御を実施して、担当者及び取り扱う個人情報データベース等の範囲を限定\n"
)

// sfPolicy builds a policy whose safety section has the body.
func sfPolicy(body string, extra ...string) string {
	return sfHead + sfPurpose + "第5条（安全管理措置）\n" + body + strings.Join(extra, "") + sfTail
}

func TestSafetyMeasures(t *testing.T) {
	runFixtures(t, "appi/safety-measures", []fixture{
		{name: "every category listed", text: sfPolicy(sfFull)},
		{name: "promise plus staff training", text: sfPolicy(sfPromise + "また、個人情報を取り扱う従業員に対して、適切な教育を行っています。\n")},
		{name: "training without the word 人的", text: sfPolicy("当社は、従業員入社時に個人情報保護に関する研修を実施しています。\n")},
		{name: "SSL encryption of transmission", text: sfPolicy("個人情報をご提供いただく際には、SSL（Secure Sockets Layer）による暗号化を施しています。\n")},
		{name: "person in charge named", text: sfPolicy("当社は、総務部長を個人情報管理責任者とし、個人情報の適正な管理を実施しています。\n")},
		{name: "table of measures", text: sfPolicy("| 区分 | 講じている措置 |\n|---|---|\n| 技術的安全管理措置 | 通信をTLSにより暗号化しています |\n")},
		{name: "tab table of measures", text: sfPolicy("区分\t措置\n組織的安全管理措置\t個人情報保護管理者を設置しています\n")},
		{name: "fullwidth SSL", text: sfPolicy("当社は、ＳＳＬにより通信を暗号化しています。\n")},
		{name: "effort wording still describes measures", text: sfPolicy("当社は、管理責任者の設置、内部規程の整備、従業員への教育ならびに内部監査の実施等を通じて、社内体制の継続的強化に努めます。\n")},

		{name: "promise only", text: sfPolicy(sfPromise), fire: true},
		{name: "threats only", text: sfPolicy(sfThreats), fire: true},
		{name: "no safety section", text: sfHead + sfPurpose + sfTail, fire: true},
		{name: "contractor supervision only", text: sfPolicy(sfPromise, sfContractor), fire: true},
		{name: "statutory restatement of supervision", text: sfPolicy(sfPromise + "また、従業者や委託先を適切に監督します。\n"), fire: true},
		{name: "negated measure", text: sfPolicy(sfPromise + "なお、当社は通信の暗号化を実施しておりません。\n"), fire: true},
		{name: "planned measure", text: sfPolicy(sfPromise + "当社は、今後、通信の暗号化を導入する予定です。\n"), fire: true},
		{name: "conditional measure", text: sfPolicy(sfPromise + "当社が必要と判断した場合は暗号化を行う場合があります。\n"), fire: true},
		{name: "measures available on request only", text: sfPolicy(sfPromise + "当社が講じる安全管理措置の具体的な内容については、お問い合わせ窓口にお問い合わせください。\n"), fire: true},
		{name: "entry control as a purpose of use", text: sfHead + "第1条（利用目的）\n・当社施設の入退出管理の為\n・従業員の教育研修のため\n第5条（安全管理措置）\n" + sfPromise + sfTail, fire: true},
		{name: "category names without content", text: sfPolicy("当社は、組織的、人的、物理的及び技術的安全管理措置を講じます。\n"), fire: true},
		{name: "empty category headings", text: sfPolicy("(3) 組織的安全管理措置\n(4) 人的安全管理措置\n" + sfPromise), fire: true},
	})
}

func TestSafetyBasicPolicy(t *testing.T) {
	runFixtures(t, "appi/safety-basic-policy", []fixture{
		{name: "explicit basic policy in the list", text: sfPolicy(sfFull)},
		{name: "compliance declaration", text: sfHead + sfCompliance + sfPurpose + sfTail},
		{name: "compliance under a 法令遵守 heading", text: sfHead + "1．法令等の遵守\n当社は、関係法令、ガイドラインその他の規範を遵守します。\n" + sfPurpose + sfTail},
		{name: "policy named as based on the basic policy", text: sfHead + "当社は、「個人情報保護基本方針」に基づき、以下のとおり個人情報を取り扱います。\n" + sfTail},
		{name: "handling according to the APPI", text: sfHead + "当社は、個人情報保護法その他の関係法令に従い、個人情報を適切に取り扱います。\n" + sfTail},
		{name: "list item", text: sfPolicy("・個人情報の保護に関する法令、国が定める指針その他の規範を遵守いたします。\n")},
		{name: "effort wording", text: sfHead + "当社は、個人情報に関して適用される法令を遵守するよう努めます。\n" + sfTail},

		{name: "law only inside exceptions", text: sfHead + "当社は、法令に基づく場合を除き、個人情報を第三者に提供しません。\n" + sfTail, fire: true},
		{name: "self-reference to the policy", text: sfHead + "当社は、以下のとおり個人情報保護方針を定め、これを実行します。\n" + sfPolicy(sfPromise), fire: true},
		{name: "bare 基本方針 page heading", text: "個人情報の取り扱いについて\n基本方針\n掲載されている内容は、発表日現在の情報です。\n" + sfTail, fire: true},
		{name: "basic policy on anti-social forces", text: sfHead + "反社会的勢力に対する基本方針\n当社は反社会的勢力とは一切関係を持ちません。\n" + sfTail, fire: true},
		{name: "contractor complies with the contract", text: sfHead + "当社は、委託先が法令及び契約を遵守するよう監督します。\n" + sfTail, fire: true},
		{name: "user complies with the law", text: sfHead + "お客様は、本サービスの利用にあたり法令を遵守するものとします。\n" + sfTail, fire: true},
		{name: "compliance with one duty under a condition", text: sfHead + "第三者に個人情報を提供する場合であって、法令上、記録作成義務が発生する場合には、これを遵守します。\n" + sfTail, fire: true},
		{name: "compliance status as a purpose", text: sfHead + "第1条（利用目的）\n(1) 当社の従業者の法令遵守状況確認のため\n" + sfTail, fire: true},
	})
}

func TestSafetyRules(t *testing.T) {
	runFixtures(t, "appi/safety-rules", []fixture{
		{name: "handling rules drawn up", text: sfPolicy(sfFull)},
		{name: "internal rules set", text: sfPolicy("当社は、個人情報保護に関する社内規程を定め、これに従って個人情報を取り扱っています。\n")},
		{name: "internal rules among other measures", text: sfPolicy("当社は、管理責任者の設置、内部規程の整備、従業員への教育等を実施しています。\n")},
		{name: "handling method defined by internal rules", text: sfPolicy("当社は、社内規程により、関連法令に従った適切な取扱い方法を規定しています。\n")},
		{name: "list item", text: sfPolicy("① 個人データの取得、利用、保存等を行う場合の基本的な取扱方法に関する規定の整備\n")},
		{name: "table row", text: sfPolicy("| 規律の整備 | 個人情報取扱規程を策定しています |\n")},
		{name: "handling method for each stage in prose", text: sfPolicy("取得から廃棄までの各段階における取扱いの方法と担当者を定めています。\n")},
		{name: "handling written in internal documents", text: sfPolicy("当社は、個人データを取り扱う際の注意事項を社内文書に明記しています。\n")},

		{name: "promise only", text: sfPolicy(sfPromise), fire: true},
		{name: "heading only", text: sfPolicy("(2) 個人データの取扱いに係る規律の整備\n" + sfPromise), fire: true},
		{name: "request procedure is not a handling rule", text: sfPolicy(sfPromise, "第7条（開示等の請求）\n開示等の請求は、当社所定の手続きに従ってください。\n個人情報の開示の手順を定めています。\n"), fire: true},
		{name: "terms of use", text: sfPolicy(sfPromise + "本サービスの利用規約を定めています。\n"), fire: true},
		{name: "negated", text: sfPolicy(sfPromise + "当社は、個人情報の取扱規程を策定していません。\n"), fire: true},
		{name: "the policy itself defines the handling", text: sfPolicy(sfPromise + "当社は、本ポリシーにおいて個人情報の取扱い方法を定めています。\n"), fire: true},
		{name: "negated internal documents", text: sfPolicy(sfPromise + "当社は、各段階における取扱いの方法を社内の文書で定めておりません。\n"), fire: true},
		{name: "anti-social forces rules", text: sfPolicy(sfPromise + "反社会的勢力に対しては、行動規範・社内規定等に明文の根拠を設け、組織全体として対応します。\n"), fire: true},
	})
}

func TestSafetyOrganizational(t *testing.T) {
	runFixtures(t, "appi/safety-organizational", []fixture{
		{name: "category list", text: sfPolicy(sfFull)},
		{name: "manager appointed", text: sfPolicy("当社は、個人情報保護管理者を設置しています。\n")},
		{name: "manager placed in a department", text: sfPolicy("当社は、個人情報を管理する責任部門に個人情報保護管理責任者を置き、適切な管理を行っています。\n")},
		{name: "audit in a bullet", text: sfPolicy("当社は以下の措置を講じています。\n• 定期的な内部監査の実施\n")},
		{name: "management system set up", text: sfPolicy("当社は、個人情報保護のための管理体制を整備しています。\n")},
		{name: "heading scopes an unrecognised item", text: sfPolicy("組織的安全管理措置\n・個人データの取扱状況を一覧できる台帳を作成\n")},
		{name: "person in charge made clear", text: sfPolicy("当社は、個人データの取扱いに関する責任者を明確にしています。\n")},
		{name: "fullwidth enumerator", text: sfPolicy("（１）従業者から責任者に対する報告連絡体制を整備\n")},
		{name: "person in charge named in prose", text: sfPolicy("個人データの取扱いの責任者は代表取締役です。\n")},
		{name: "incident: facts and cause established", text: sfPolicy(sfPromise + "漏えい等の事案が発生したときは、直ちに事実関係を調査し、原因を究明します。\n")},
		{name: "incident reported to the person in charge", text: sfPolicy(sfPromise + "従業者は、漏えい等のおそれを把握したときは、直ちに責任者に報告することとしています。\n")},

		{name: "promise only", text: sfPolicy(sfPromise), fire: true},
		{name: "manager only as a contact", text: sfPolicy(sfPromise, "第8条（お問い合わせ）\n個人情報保護管理者：総務部長\nメール：privacy@example.co.jp\n"), fire: true},
		{name: "improvement pledge", text: sfPolicy(sfPromise + "当社は、個人情報保護のための管理体制及び取組みについて、継続的に見直し、その改善に努めます。\n"), fire: true},
		{name: "contractor audit", text: sfPolicy(sfPromise, sfContractor), fire: true},
		{name: "negated", text: sfPolicy(sfPromise + "当社は、個人情報保護管理者を設置しておりません。\n"), fire: true},
		{name: "manager named in a contact section", text: sfPolicy(sfPromise, "第8条（お問い合わせ窓口）\n個人情報保護管理者は総務部長です。\n"), fire: true},
		{name: "store manager is not in charge of the data", text: sfPolicy(sfPromise + "各店舗の責任者は店長です。\n"), fire: true},
		{name: "statutory breach report only", text: sfPolicy(sfPromise + "漏えい等が発生した場合は、法令に従い個人情報保護委員会に報告します。\n"), fire: true},
		{name: "complaint desk manager", text: sfPolicy(sfPromise + "当社は、個人情報に関する苦情受付の責任者を定めています。\n"), fire: true},
		{name: "joint-use manager", text: sfPolicy(sfPromise, "第7条（共同利用）\n共同利用する個人データの管理について責任を有する者：株式会社サンプル\n"), fire: true},
		{name: "statutory auditor in the company profile", text: sfPolicy(sfPromise) + "会社概要\n常勤監査役 山田太郎\n監査法人 サンプル監査法人\n", fire: true},
		{name: "generic content under the heading", text: sfPolicy("(3) 組織的安全管理措置\n当社は、組織的安全管理措置を講じています。\n"), fire: true},
		{name: "pointer under the heading", text: sfPolicy("組織的安全管理措置\n・詳細はお問い合わせください\n"), fire: true},
	})
}

func TestSafetyHuman(t *testing.T) {
	runFixtures(t, "appi/safety-human", []fixture{
		{name: "category list", text: sfPolicy(sfFull)},
		{name: "training without the word 人的", text: sfPolicy("当社は、従業員への教育研修を定期的に実施しています。\n")},
		{name: "education and supervision", text: sfPolicy(sfPromise + "また、個人情報を取り扱う従業員に対して、適切な教育・監督を行います。\n")},
		{name: "own heading on training", text: sfHead + sfPurpose + "第6条（従業者の教育）\n当社は、従業者に定期的な研修を実施しています。\n" + sfTail},
		{name: "confidentiality in the work rules", text: sfPolicy("・個人データについての秘密保持に関する事項を就業規則に記載しています。\n")},
		{name: "staff told of the rules", text: sfPolicy("当社は、全従業者に個人情報の適切な取扱いを周知しています。\n")},
		{name: "confidentiality pledge from staff", text: sfPolicy("当社は、入社時に全従業員から秘密保持に関する誓約書を取得しています。\n")},
		{name: "heading scopes a list", text: sfPolicy("人的安全管理措置\n・個人データの取扱いに関する留意事項をまとめたハンドブックを配布\n")},
		{name: "markdown heading scopes a paragraph", text: "# プライバシーポリシー\n\n## 安全管理措置\n\n### 人的安全管理措置\n\n個人データの取扱いに関する留意事項をまとめたハンドブックを全員に配布しています。\n"},
		{name: "bracketed inline label", text: sfPolicy("【人的安全管理措置】個人データの取扱いに関する留意事項をまとめたハンドブックを全員に配布しています。\n")},
		{name: "bracketed label scopes a line", text: sfPolicy("（人的安全管理措置）\n個人データの取扱いに関する留意事項をまとめたハンドブックを全員に配布しています。\n")},
		{name: "bullet under a label paragraph", text: sfPolicy("当社は以下の措置を講じています。\n組織的措置\n• 従業員への教育・研修\n")},
		{name: "confidentiality pledge collected", text: sfPolicy("当社は、個人データを取り扱う者から秘密保持に関する誓約書を取得しています。\n")},
		{name: "part-timers told how to handle the data", text: sfPolicy("アルバイトを含む全ての従業者に、個人情報の取扱い上の注意事項を説明しています。\n")},
		{name: "condition saying when, measure in the main clause", text: sfPolicy("派遣社員を受け入れる場合は、事前に研修を実施しています。\n")},
		{name: "staff and individual contractors together", text: sfPolicy("当社は、全従業員・業務委託者と秘密保持契約を締結しています。\n")},
		{name: "label with staff and individual contractors", text: sfPolicy("人的安全管理措置：従業員及び業務委託者に年1回の研修を実施しています。\n")},

		{name: "promise only", text: sfPolicy(sfPromise), fire: true},
		{name: "supervision restated", text: sfPolicy(sfPromise + "また、従業者や委託先を適切に監督します。\n"), fire: true},
		{name: "contractor confidentiality", text: sfPolicy(sfPromise, "当社は、個人情報の取り扱いを委託する場合には、当該委託先につき厳正な調査を行なった上、秘密を保持させるために、適正な監督を行います。\n"), fire: true},
		{name: "training as a purpose", text: sfPolicy(sfPromise) + "お電話でのお問い合わせは、オペレータ教育に利用するために録音させていただくことがあります。\n", fire: true},
		{name: "improvement pledge under a markdown heading", text: "# プライバシーポリシー\n\n## 安全管理措置\n\n" + sfPromise + "\n### 人的安全管理措置\n\n当社は、個人情報の保護に関する取組みを継続して見直し、改善してまいります。\n", fire: true},
		{name: "unrecognised item under another category", text: sfPolicy("（技術的安全管理措置）\n個人データの取扱いに関する留意事項をまとめたハンドブックを配布しています。\n"), fire: true},
		{name: "label scope ends at a paragraph", text: sfPolicy("人的安全管理措置\n当社は、上記のほか、個人情報の保護に関する取組みを継続して見直し、改善してまいります。当社は、本ポリシーを随時改定します。\n"), fire: true},
		{name: "training service offered", text: sfPolicy(sfPromise) + "AI研修・セミナー\n", fire: true},
		{name: "negated", text: sfPolicy(sfPromise + "当社は、従業員への研修を実施していません。\n"), fire: true},
		{name: "confidentiality agreement with a business partner", text: sfPolicy(sfPromise + "当社は、秘密保持契約を締結した事業者にのみ個人データの取扱いを任せます。\n"), fire: true},
		{name: "training as a use of employee data", text: sfPolicy(sfPromise) + "第3条（従業員の情報）\n当社は、従業員の個人情報を、採用、教育、人事評価に利用します。\n", fire: true},
		{name: "contractor's staff", text: sfPolicy(sfPromise + "当社は、委託先の従業員に対しても研修の実施を求めています。\n"), fire: true},
		{name: "pledge that is not on confidentiality", text: sfPolicy(sfPromise + "会員登録の際に、利用規約を遵守する旨の誓約書を提出していただきます。\n"), fire: true},
		{name: "handling explained to customers", text: sfPolicy(sfPromise + "当社は、お客様に個人情報の取扱い方法を説明しています。\n"), fire: true},
		{name: "measure negated after a condition", text: sfPolicy(sfPromise + "派遣社員を受け入れる場合は、研修を実施しておりません。\n"), fire: true},
		{name: "training only inside a condition", text: sfPolicy(sfPromise + "従業員が研修を受講していない場合は、個人データを取り扱わせません。\n"), fire: true},
		{name: "training history as data", text: sfPolicy(sfPromise) + "第2条（取得する情報）\n・従業員の研修受講履歴\n", fire: true},
	})
}

func TestSafetyPhysical(t *testing.T) {
	runFixtures(t, "appi/safety-physical", []fixture{
		{name: "category list", text: sfPolicy(sfFull)},
		{name: "entry control in parentheses", text: sfPolicy("この対策には、物理的な安全管理措置の実施（従業員の入室管理、端末管理等）が含まれます。\n")},
		{name: "theft and loss of devices", text: sfPolicy("- ② 個人データを取り扱う機器、電子媒体及び書類等の盗難又は紛失等を防止するための措置を講じるとともに、当該機器、電子媒体等を持ち運ぶ場合、容易に個人データが判明しないよう措置を実施\n")},
		{name: "locked cabinet", text: sfPolicy("個人情報を記載した書類は、施錠できるキャビネットに保管しています。\n")},
		{name: "disposal of media", text: sfPolicy("個人データが記録された機器・電子媒体を廃棄する際は、復元不可能な方法で消去しています。\n")},
		{name: "heading scopes a list", text: sfPolicy("(5) 物理的安全管理措置\n① 個人データを取り扱うPCは、離席時にスクリーンロックをかける運用としています\n")},

		{name: "promise only", text: sfPolicy(sfPromise), fire: true},
		{name: "threats only", text: sfPolicy(sfThreats), fire: true},
		{name: "entry control as a purpose", text: sfHead + "第1条（利用目的）\n・当社施設の入退出管理の為\n第5条（安全管理措置）\n" + sfPromise + sfTail, fire: true},
		{name: "credit union named as a bank", text: sfPolicy(sfPromise) + "お支払いは、サンプル信用金庫の口座への振込によりお願いします。\n", fire: true},
		{name: "deleting data no longer needed", text: sfPolicy("皆様からご提供いただいた情報は、不要となった場合にはすみやかに廃棄します。\n"), fire: true},
		{name: "negated", text: sfPolicy(sfPromise + "当社は、入退室管理を行っていません。\n"), fire: true},
		{name: "other categories only", text: sfPolicy("組織的措置\n• 個人情報保護責任者の設置\n技術的措置\n• 通信の暗号化(TLS/SSL)\n"), fire: true},
	})
}

func TestSafetyTechnical(t *testing.T) {
	runFixtures(t, "appi/safety-technical", []fixture{
		{name: "category list", text: sfPolicy(sfFull)},
		{name: "SSL encryption counts", text: sfPolicy("個人情報をご提供いただく際には、第三者による不正なアクセスに備え、SSLによる暗号化を施し、安全性の確保に努めます。\n")},
		{name: "bullets", text: sfPolicy("当社で行う安全措置：\n個人情報へのアクセス権限の設定\nネットワークに対する不正アクセス対策\n")},
		{name: "protection from malware", text: sfPolicy("(6) 技術的安全管理措置\n- ② 個人データを取り扱う機器を外部からの不正アクセス又は不正ソフトウェアから保護する仕組みを導入\n")},
		{name: "table row", text: sfPolicy("| 技術的安全管理措置 | 多要素認証を導入しています |\n")},
		{name: "access control against use beyond the purpose", text: sfPolicy("当社は、アクセス制御により目的外の利用を防止しています。\n")},
		{name: "operator subject after the user", text: sfPolicy("お客様が安心してご利用いただけるよう、当社は通信を暗号化しています。\n")},
		{name: "payment processor's encryption", text: sfPolicy(sfPromise + "クレジットカード情報は決済代行会社が管理し、決済代行会社はSSL暗号化通信によりカード情報を保護しています。\n"), fire: true},
		{name: "app permission is not access control", text: sfPolicy(sfPromise) + "第3条（アプリの権限）\n本アプリは、写真を投稿するため、カメラ及びストレージへのアクセス権限を求めます。\n", fire: true},
		{name: "unauthorised persons kept out", text: sfPolicy("当社は、従業者に研修を実施し、アクセス権限のない者には個人データを閲覧させません。\n")},
		{name: "markdown table with an unrecognised item", text: "# プライバシーポリシー\n\n## 安全管理措置\n\n| 区分 | 内容 |\n|---|---|\n| 技術的安全管理措置 | 個人データを扱うサーバーを社内ネットワークから分離しています |\n"},
		{name: "access limited to staff who need it", text: sfPolicy("個人情報を含むデータへのアクセスは、業務上必要な従業者に限定しています。\n")},
		{name: "fullwidth TLS", text: sfPolicy("通信はＴＬＳ１．２以上で保護しています。\n")},

		{name: "promise only", text: sfPolicy(sfPromise), fire: true},
		{name: "threats only", text: sfPolicy(sfThreats), fire: true},
		{name: "table row saying none", text: "# プライバシーポリシー\n\n## 安全管理措置\n\n" + sfPromise + "\n| 区分 | 内容 |\n|---|---|\n| 技術的安全管理措置 | 該当なし |\n", fire: true},
		{name: "negated encryption", text: sfPolicy(sfPromise + "当社は、通信の暗号化を行っておりません。\n"), fire: true},
		{name: "planned", text: sfPolicy(sfPromise + "当社は、今後、多要素認証の導入を検討しています。\n"), fire: true},
		{name: "authentication as a purpose", text: sfHead + "第1条（利用目的）\n2 ユーザーアカウントの作成、管理、認証\n8 不正利用の防止、セキュリティの確保\n第5条（安全管理措置）\n" + sfPromise + sfTail, fire: true},
		{name: "cookie re-authentication", text: sfPolicy(sfPromise, "第7条（クッキー）\nセキュリティー保持のため、パスワードの再入力（再認証）を促すため、クッキーを利用します。\n"), fire: true},
		{name: "user sets a password", text: sfPolicy(sfPromise + "お客様は、パスワードを設定し、第三者に知られないよう管理してください。\n"), fire: true},
		{name: "threat list for a generic measure", text: sfPolicy("当社は、不正アクセス、紛失、破壊、改ざん及び漏えい等を防止するため、セキュリティに万全の対策を講じています。\n"), fire: true},
	})
}

// TestSafetyAnchor checks that missing findings point at the safety section.
func TestSafetyAnchor(t *testing.T) {
	text := sfPolicy(sfPromise)
	res := run(t, text)
	for _, id := range []string{"appi/safety-measures", "appi/safety-physical", "appi/safety-basic-policy"} {
		got := findingsOf(res, id)
		if len(got) != 1 {
			t.Fatalf("%s: %d findings, want 1", id, len(got))
		}
		if at := res.Doc.Slice(got[0].Span); !strings.Contains(at, "安全管理措置") {
			t.Errorf("%s anchored at %q, want the safety heading", id, at)
		}
		if !got[0].Missing {
			t.Errorf("%s: finding is not marked missing", id)
		}
	}
}

// TestSafetyEvidence checks that the evidence is the sentence describing
// the measure, so that deleting it makes the rule fire.
func TestSafetyEvidence(t *testing.T) {
	res := run(t, sfPolicy(sfPromise+"当社は、従業者に定期的な研修を実施しています。\n"))
	for _, o := range res.Outcomes {
		if o.Rule.ID != "appi/safety-human" {
			continue
		}
		if o.Status != engine.StatusOK || len(o.Evidence) != 1 {
			t.Fatalf("outcome %s with %d evidence spans", o.Status, len(o.Evidence))
		}
		if got := res.Doc.Slice(o.Evidence[0]); !strings.Contains(got, "研修を実施") {
			t.Errorf("evidence %q, want the training sentence", got)
		}
	}
}

// TestSafetyExamples checks each rule's own Good and Bad examples.
func TestSafetyExamples(t *testing.T) {
	for _, id := range []string{"appi/safety-measures", "appi/safety-basic-policy", "appi/safety-rules", "appi/safety-organizational", "appi/safety-human", "appi/safety-physical", "appi/safety-technical"} {
		r := rules.ByID(id)
		if r == nil {
			t.Fatalf("rule %s is not registered", id)
		}
		runFixtures(t, id, []fixture{
			{name: "good example", text: sfPolicy(r.Good + "\n")},
			{name: "bad example", text: sfPolicy(r.Bad + "\n"), fire: true},
		})
	}
}
