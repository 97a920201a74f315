package rules_test

import (
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/rules"
)

// Shared triggers and non-triggers of the 法28条 rules.
const (
	frContractorUS  = "当社は、取得した個人情報の一部を、国内および米国の業務委託先に提供する場合があります。\n"
	frContractorAny = "当社は、取得した個人情報の一部を、海外の委託先に提供する場合があります。\n"
	frNegated       = "当社は、外国にある第三者に個人データを提供しません。\n"
	frParaphrase    = "当社は、外国にある第三者に個人データを提供する場合には、あらかじめ本人の同意を得ます。\n"
	frStorageOnly   = "当社は、お客様の個人情報を海外のクラウドサーバに保存することがあります。\n"
	frAnalyticsOnly = "当社は、Google LLC が提供する Google Analytics を利用しています。Google Analytics はクッキーを使用してアクセス情報を収集します。\n"
	frPPCReference  = "米国の個人情報の保護に関する制度は、個人情報保護委員会のウェブサイト(外国における個人情報の保護に関する制度等の調査)をご確認ください。\n"
	// frStorageState names the country with its state, and the provider does
	// not handle the data: storage, not provision.
	frStorageState   = "本サービスのデータベースは、クラウドサービスを利用し、米国（オレゴン州）に所在するサーバに保存しています。同社が個人データを取り扱うことはありません。\n"
	frContractClause = "当社は、委託先との間で、安全管理措置の実施と目的外利用の禁止を定めた契約を締結しています。\n"
)

func TestForeignCountry(t *testing.T) {
	runFixtures(t, "appi/foreign-country", []fixture{
		{name: "abroad without a country", text: frContractorAny, fire: true},
		{name: "handled abroad by a contractor", text: "当社は、パートナー企業に業務を委託し、海外でお客さま情報を取り扱う場合があります。\n海外においても同等の安全管理措置が取られるよう確認しています。\n", fire: true},
		{name: "third party including those abroad", text: "当社は、あらかじめ本人の同意を得ないで、第三者(日本国外にある者を含みます。)に個人情報を提供しません。但し、次に掲げる場合はこの限りではありません。\n・法令に基づく場合\n", fire: true},
		{name: "fullwidth brackets", text: "当社は、第三者（外国にある第三者を含みます。）に提供しません。ただし、法令に基づく場合を除きます。\n", fire: true},
		{name: "heading scopes the body", text: "第5条(外国にある第三者への提供)\n当社は、以下の事業者に個人データの取扱いを委託しています。\n・クラウドサービス事業者\n・システム保守事業者\n", fire: true},
		{name: "recipients named only by a foreign company", text: "3. 情報収集モジュール提供者への提供\nこれに伴い、以下のとおり情報収集モジュール提供者への利用者情報の提供を行います。\n情報収集モジュール提供者\tExample Analytics, Inc.\n提供される利用者情報の項目\tアカウント情報、投稿データ\n", fire: true},

		{name: "country in the trigger", text: frContractorUS},
		{name: "table of contractors", text: "第5条(個人データの取扱いの委託)\n当社は、以下の委託先に個人データの取扱いを委託しています。\n| 委託先 | 所在国 | 業務 |\n|---|---|---|\n| Example Ltd. | 英国 | 顧客対応 |\n"},
		{name: "country with a foreign company", text: "当社は、当社の親会社である Example, Inc.(アメリカ合衆国所在)と利用者情報を共有する場合があります。\n"},
		{name: "tab table under a heading", text: "第5条(外国にある第三者への提供)\n当社は、以下のとおり個人データを外国にある第三者に提供しています。\n移転先国\tシンガポール\n提供先\tExample Pte. Ltd.\n"},
		{name: "markdown table", text: "## 外国にある第三者への提供\n\n当社は、以下のとおり個人データを外国にある事業者に提供しています。\n\n| 項目 | 内容 |\n|---|---|\n| 移転先の国 | EU加盟国(ドイツ) |\n"},
		{name: "list item", text: "当社は、以下の外国にある委託先に個人データの取扱いを委託しています。\n(1) 所在国:英国\n(2) 委託する業務:顧客対応\n"},
		{name: "country cannot be identified", text: "当社は、海外の決済事業者に個人情報を提供する場合があります。提供先の所在する国は、お客様が選択する決済手段により異なり、事前に特定できないため、国名をお示しすることはできません。\n"},
		{name: "negated", text: frNegated},
		{name: "statute paraphrase", text: frParaphrase},
		{name: "refusal with no exception", text: "当社は、第三者(外国にある第三者を含みます。)に個人データを提供しません。\n"},
		{name: "storage without provision", text: frStorageOnly},
		{name: "analytics vendor", text: frAnalyticsOnly},
		{name: "vendor listed without provision", text: "3. アクセス解析\n当社はアクセス解析ツールを利用しています。\nツール提供者: Example Analytics, Inc.\n"},
		{name: "foreign residents", text: "外国人住民の方は、在留カードの写しをご提出ください。\n"},
	})
}

func TestForeignSystem(t *testing.T) {
	runFixtures(t, "appi/foreign-system", []fixture{
		{name: "country without system", text: frContractorUS, fire: true},
		{name: "laws named without information", text: frContractorUS + "提供先での処理は、日本および米国の法律に基づいて行われます。\n", fire: true},
		{name: "Japanese act only", text: "当社は、第三者(日本国外にある者を含みます。)に提供しません。但し、次に掲げる場合はこの限りではありません。\n・個人情報の保護に関する法律その他の法令で認められる場合\n", fire: true},
		{name: "label with nothing under it", text: "第5条(外国にある第三者への提供)\n当社は、米国の委託先に個人データを提供しています。\n1. 移転先国における個人情報の保護に関する制度\n2. 移転先が講ずる措置\n", fire: true},
		{name: "items the policy cannot give", text: frContractorAny + "当社は、提供先の所在国を特定することができないため、以下の情報をご提供することはできません。\n・当該国の個人情報保護制度に関する情報\n・提供先の個人情報保護の措置\n", fire: true},
		{name: "item names of the statute", text: frContractorAny + "個人情報の提供先が外国にある第三者の場合は、移転先の外国における個人情報の保護に関する制度等の情報。\n", fire: true},

		{name: "PPC reference", text: frContractorUS + frPPCReference},
		{name: "link to the overview", text: frContractorUS + "なお、当該国の個人情報保護に関する法制度の概要はこちらからご確認ください。\n"},
		{name: "summary under a heading", text: "第5条(外国にある第三者への提供)\n当社は、米国の事業者に個人データを提供しています。\n移転先国(米国)における個人情報の保護に関する制度\n米国には、日本の個人情報保護法に相当する包括的な連邦法はありませんが、州法や分野別の連邦法が定められています。\n"},
		{name: "table row", text: "## 外国にある第三者への提供\n\n当社は、以下の外国にある事業者に個人データを提供しています。\n\n| 項目 | 内容 |\n|---|---|\n| 移転先国 | 米国 |\n| 移転先国の制度 | 個人情報保護委員会のウェブサイトをご参照ください |\n"},
		{name: "negated", text: frNegated},
		{name: "statute paraphrase", text: frParaphrase},
		{name: "storage without provision", text: frStorageOnly},
		{name: "analytics vendor", text: frAnalyticsOnly},
	})
}

func TestForeignMeasures(t *testing.T) {
	runFixtures(t, "appi/foreign-measures", []fixture{
		{name: "nothing on the recipient", text: frContractorUS + frPPCReference, fire: true},
		{name: "parent company", text: "当社は、当社の親会社である Example, Inc.(米国所在)と利用者情報を共有する場合があります。\n", fire: true},
		{name: "label with nothing under it", text: "第5条(外国にある第三者への提供)\n当社は、米国の委託先に個人データを提供しています。\n2. 当該事業者が講ずる個人情報の保護のための措置\n", fire: true},
		{name: "negated measure", text: frContractorUS + "当該委託先との間で契約は締結していません。\n", fire: true},

		{name: "contract", text: frContractorUS + frContractClause},
		{name: "equivalent measures", text: frContractorAny + "当社は、提供先が個人情報保護法の趣旨に沿った相当措置を継続的に講ずるための体制を整備しています。\n"},
		{name: "measures under a heading", text: "第5条(外国にある第三者への提供)\n当社は、米国の事業者に個人データを提供しています。\n当該事業者が講ずる個人情報の保護のための措置\n当該事業者は、データ処理契約に基づき、アクセス制御や暗号化などの措置を講じています。\n"},
		{name: "table row", text: "## 外国にある第三者への提供\n\n当社は、以下の外国にある事業者に個人データを提供しています。\n\n| 項目 | 内容 |\n|---|---|\n| 提供先 | Example Inc. |\n| 提供先の措置 | 標準契約条項に基づく安全管理措置 |\n"},
		{name: "negated", text: frNegated},
		{name: "statute paraphrase", text: frParaphrase},
		{name: "storage without provision", text: frStorageOnly},
		{name: "analytics vendor", text: frAnalyticsOnly},
	})
}

func TestSafetyForeignEnvironment(t *testing.T) {
	runFixtures(t, "appi/safety-foreign-environment", []fixture{
		{name: "foreign cloud without a country", text: frStorageOnly, fire: true},
		{name: "table of contractors", text: "第5条(個人データの取扱いの委託)\n当社は、以下の委託先に個人データの取扱いを委託しています。\n委託先\t所在国\t業務\nExample Inc.\t米国\tサーバ運用\n", fire: true},
		{name: "country without the system", text: "本サービスを通じて収集された個人情報は、日本および米国内で処理されます。\n", fire: true},
		{name: "contractor abroad", text: "当社は、パートナー企業に業務を委託し、海外でお客さま情報を取り扱う場合があります。\n海外においても、当社と同等の安全管理措置が取られるよう確認しています。\n", fire: true},
		{name: "country with its state, without the system", text: frStorageState, fire: true},
		{name: "system without a country", text: frStorageOnly + "当社は、当該国の個人情報の保護に関する制度を把握した上で安全管理措置を講じています。\n", fire: true},

		{name: "external environment stated", text: "(外的環境の把握)当社は、シンガポールにおいて個人データを保管しており、シンガポールにおける個人情報の保護に関する制度を把握した上で安全管理措置を実施しています。\n"},
		{name: "list item under safety heading", text: "第6条(安全管理措置)\n・外的環境の把握:当社は、米国に所在するクラウドサービスを利用して個人データを保管しており、米国の制度を把握した上で安全管理措置を講じています。\n"},
		{name: "hosting with the system reference", text: "当社は、お客様の個人情報を米国等にあるデータホスティングプロバイダに保存することがあります。\n" + frPPCReference},
		{name: "Japan only", text: "第6条(安全管理措置)\n- (7) 外的環境の把握\n- 個人データを保管している日本における個人情報の保護に関する制度を把握した上で安全管理措置を実施\n"},
		{name: "negated", text: "当社は、外国において個人データを取り扱っておりません。\n"},
		{name: "country with its state and the system understood", text: frStorageState + "当社は、米国の個人情報の保護に関する制度を把握した上で安全管理措置を講じています。\n"},
		{name: "domestic region", text: "個人データは中国四国地域の当社データセンターに保管しています。\n"},
		{name: "analytics vendor", text: frAnalyticsOnly},
		{name: "analytics vendor's servers", text: "Google Analyticsで収集されたデータは、米国にあるGoogleのサーバーに保存されます。\n"},
		{name: "third party abroad only", text: "当社は、お客様の個人情報を外国にある事業者に提供することがあります。\n"},
	})
}

// TestForeignStatus pins whether a fixture is satisfied (ok) or outside the
// rule (na): both report nothing, so runFixtures cannot tell them apart.
func TestForeignStatus(t *testing.T) {
	tests := []struct {
		id, name, text string
		want           engine.Status
	}{
		{"appi/foreign-country", "tab table", "第5条(外国にある第三者への提供)\n当社は、以下のとおり個人データを外国にある第三者に提供しています。\n移転先国\tシンガポール\n", engine.StatusOK},
		{"appi/foreign-country", "negated", frNegated, engine.StatusNA},
		{"appi/foreign-country", "storage only", frStorageOnly, engine.StatusNA},
		{"appi/foreign-country", "analytics vendor", frAnalyticsOnly, engine.StatusNA},
		{"appi/foreign-country", "storage in a state", frStorageState, engine.StatusNA},
		{"appi/safety-foreign-environment", "storage in a state", frStorageState, engine.StatusViolation},
		{"appi/foreign-system", "table row", "## 外国にある第三者への提供\n\n当社は、以下の外国にある事業者に個人データを提供しています。\n\n| 項目 | 内容 |\n|---|---|\n| 移転先国 | 米国 |\n| 移転先国の制度 | 個人情報保護委員会のウェブサイトをご参照ください |\n", engine.StatusOK},
		{"appi/foreign-measures", "table row", "## 外国にある第三者への提供\n\n当社は、以下の外国にある事業者に個人データを提供しています。\n\n| 項目 | 内容 |\n|---|---|\n| 提供先の措置 | 標準契約条項に基づく安全管理措置 |\n", engine.StatusOK},
		{"appi/foreign-measures", "statute paraphrase", frParaphrase, engine.StatusNA},
		{"appi/safety-foreign-environment", "stated", "(外的環境の把握)当社は、シンガポールにおいて個人データを保管しており、シンガポールにおける個人情報の保護に関する制度を把握した上で安全管理措置を実施しています。\n", engine.StatusOK},
		{"appi/safety-foreign-environment", "Japan only", "- 個人データを保管している日本における個人情報の保護に関する制度を把握した上で安全管理措置を実施\n", engine.StatusNA},
		{"appi/safety-foreign-environment", "third party abroad only", "当社は、お客様の個人情報を外国にある事業者に提供することがあります。\n", engine.StatusNA},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.name, func(t *testing.T) {
			res := run(t, tt.text)
			for _, o := range res.Outcomes {
				if o.Rule.ID == tt.id && o.Status != tt.want {
					t.Errorf("status %s, want %s", o.Status, tt.want)
				}
			}
		})
	}
}

// TestForeignBlankCountry: a 【…】 blank where the country goes names it
// (appi/placeholder reports the blank); a blank naming the recipient does not.
func TestForeignBlankCountry(t *testing.T) {
	runBlankFixtures(t, "appi/foreign-country", []fixture{
		{name: "drafted clause", text: frContractorAny + rules.ByID("appi/foreign-country").Fix.JA},
		{name: "country label", text: frContractorAny + "委託先の所在国：【国名】\n"},
	})
	runFixtures(t, "appi/foreign-country", []fixture{
		{name: "blank recipient, no country", fire: true, text: frContractorAny + "当社は、【委託先の名称】において安全管理措置が講じられていることを確認しています。\n"},
		{name: "circles are no country", fire: true, text: frContractorAny + "委託先の所在国は○○です。\n"},
	})
	runBlankFixtures(t, "appi/safety-foreign-environment", []fixture{
		{name: "drafted clause", text: frStorageOnly + rules.ByID("appi/safety-foreign-environment").Fix.JA},
	})
}
