package facts_test

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/parse"
)

func foreignOf(t *testing.T, text string) facts.Foreign {
	t.Helper()
	doc, err := parse.Text("fixture.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	return facts.Compute(doc).Foreign
}

func TestForeignTriggers(t *testing.T) {
	tests := []struct {
		name               string
		text               string
		provision, handles bool
	}{
		{"contractor in a named country", "当社は、取得情報の一部を、国内および米国の業務委託先に提供する場合があります。", true, true},
		{"third party abroad", "当社は、お客様の個人情報を外国にある事業者に提供することがあります。", true, false},
		{"contractor handling abroad", "当社は、パートナー企業に業務を委託し、海外でお客さま情報を取り扱う場合があります。", true, true},
		{"parent company with its country", "当社は、親会社である Example, Inc.(アメリカ合衆国所在)と利用者情報を共有する場合があります。", true, false},
		{"joint use with a foreign subsidiary", "当社は、お客様の個人データを当社の海外子会社と共同利用します。", true, false},
		{"inclusion with exceptions", "当社は、第三者(日本国外にある者を含みます。)に提供しません。但し、次の場合はこの限りではありません。", true, false},
		{"inclusion refused without consent", "当社は、あらかじめ本人の同意を得ることなく、個人データを第三者(外国にある第三者を含みます。)に提供することはありません。", true, false},
		{"foreign contractors included", "当社は、海外の委託先を含め、個人情報の取扱いを委託することがあります。", true, true},
		{"transfer to that country", "カード発行会社が外国にある場合、個人情報が当該国に移転される場合があります。", true, false},
		{"foreign recipients included", "委託先には、日本国外に所在する事業者が含まれます。", true, true},
		{"domestic and foreign partners", "当社は、国内外の提携先に個人情報を提供することがあります。", true, false},
		{"work entrusted abroad", "当社は、お問い合わせ対応業務を、フィリピンのコールセンター事業者に委託しています。", true, true},
		{"table of contractors", "第5条(個人データの取扱いの委託)\n当社は、以下の委託先に個人データの取扱いを委託しています。\n| 委託先 | 所在国 |\n|---|---|\n| Example Ltd. | 英国 |\n", true, true},
		{"countries after the statement", "当社は、以下の国に所在する委託先に個人データの取扱いを委託しています:アメリカ合衆国、シンガポール。", true, true},
		{"country in the next sentence", "当社は、個人情報の取扱いの全部又は一部を第三者に委託することがあります。この場合、委託先の所在国は米国です。", true, true},
		{"cloud provider's country", "個人情報は、当社が契約するクラウドサービス事業者(所在国:米国)のサーバに保存されます。", false, true},
		{"storage on a foreign cloud", "当社は、お客様の個人情報を外国にあるデータホスティングプロバイダに保存することがあります。", false, true},
		{"processed in a named country", "本サービスを通じて収集された個人情報は、日本および米国内で処理されます。", false, true},
		{"server in a state of a named country", "本サービスのデータは、クラウドサービスを利用し、米国（オレゴン州）に所在するサーバに保存しています。", false, true},
		{"region without brackets", "個人データは米国オレゴン州のデータセンターで保管しています。", false, true},
		{"contractor in a state", "当社は、個人データの取扱いを米国(カリフォルニア州)の委託先に委託しています。", true, true},
		{"server located abroad", "当社が利用するクラウドサービスのサーバはシンガポールに所在しています。", false, true},
		{"negated provision", "当社は、外国にある第三者に個人データを提供しません。", false, false},
		{"negated storage in a state", "当社は、個人データを米国(オレゴン州)のサーバに保存しておりません。", false, false},
		{"domestic region", "個人データは中国四国地域の当社データセンターに保管しています。", false, false},
		{"negated handling", "当社は、個人データを海外のサーバに保管しておりません。", false, false},
		{"statute paraphrase", "外国にある第三者に個人データを提供する場合には、あらかじめ本人の同意を得ます。", false, false},
		{"refusal without an exception", "当社は、第三者(外国にある第三者を含みます。)に個人データを提供しません。", false, false},
		{"analytics vendor", "当社は、Google LLC が提供する Google Analytics を利用しています。Google Analytics はクッキーを使用して利用状況を収集します。", false, false},
		{"received from abroad", "当社は、海外の提携先から提供された個人情報を利用します。", false, false},
		{"domestic insurer for travel abroad", "当社は、海外旅行保険会社にお客様の個人情報を提供します。", false, false},
		{"serving customers abroad", "当社は、海外の事業者向けにサービスを提供しています。", false, false},
		{"analytics vendor's servers", "Google Analyticsで収集されたデータは、米国にあるGoogleのサーバーに保存されます。", false, false},
		{"refusal of foreign provision with exceptions", "当社は、次の場合を除き、個人データを外国にある第三者に提供しません。", false, false},
		{"table of domestic contractors", "第5条(個人データの取扱いの委託)\n当社は、以下の委託先に個人データの取扱いを委託しています。\n| 委託先 | 所在地 |\n|---|---|\n| 例示株式会社 | 東京都 |\n", false, false},
		{"foreign residents", "外国人住民の方は在留カードの写しをご提出ください。", false, false},
		{"non-personal statistics", "当社は、個人を特定できない統計情報を海外の提携先に提供することがあります。", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := foreignOf(t, tt.text)
			if got := len(f.Provision) > 0; got != tt.provision {
				t.Errorf("provision = %v, want %v (%+v)", got, tt.provision, f.Provision)
			}
			if got := len(f.Handling) > 0; got != tt.handles {
				t.Errorf("handling = %v, want %v (%+v)", got, tt.handles, f.Handling)
			}
		})
	}
}

func TestForeignEntityProvision(t *testing.T) {
	section := "3. 情報収集モジュール提供者への提供\n本サービスには以下の情報収集モジュールが組み込まれています。これに伴い、以下のとおり情報収集モジュール提供者への利用者情報の提供を行います。\n情報収集モジュール提供者\tExample Analytics, Inc.\n提供される利用者情報の項目\tアカウント情報\n"
	if f := foreignOf(t, section); len(f.Provision) == 0 || len(f.Handling) == 0 {
		t.Errorf("provision to a foreign company not found: %+v", f)
	}
	vendor := "3. アクセス解析\n当社はアクセス解析ツールを利用しています。\nツール提供者: Example Analytics, Inc.\n"
	if f := foreignOf(t, vendor); len(f.Provision) > 0 {
		t.Errorf("a vendor named without provision is a trigger: %+v", f.Provision)
	}
}

func TestForeignItems(t *testing.T) {
	text := "外国にある第三者への提供\n" +
		"当社は、個人データの取扱いを米国に所在する委託先に委託しています。\n" +
		"米国の個人情報保護制度については、個人情報保護委員会のウェブサイトをご参照ください。\n" +
		"当社は、委託先との間で安全管理措置の実施を定めた契約を締結しています。\n" +
		"当社は、米国国立標準技術研究所の基準を参考にしています。\n"
	f := foreignOf(t, text)
	if len(f.Countries) == 0 || f.Countries[0].Text != "米国" {
		t.Errorf("countries = %+v, want 米国", f.Countries)
	}
	for _, c := range f.Countries {
		if c.Sentence.Text == "当社は、米国国立標準技術研究所の基準を参考にしています。" {
			t.Errorf("米国 inside an organisation's name counted as a country")
		}
	}
	if len(f.System) != 1 {
		t.Errorf("system = %d sentences, want 1", len(f.System))
	}
	if len(f.Measures) != 1 {
		t.Errorf("measures = %d sentences, want 1", len(f.Measures))
	}
}

func TestForeignCountryBoundaries(t *testing.T) {
	for _, text := range []string{
		"海外の委託先に提供します。リアルタイムで処理します。",
		"海外の委託先に提供します。中国地方の店舗で受け付けます。",
		"海外の委託先に提供します。アメリカン・エキスプレスのカードをご利用いただけます。",
	} {
		if f := foreignOf(t, text); len(f.Countries) > 0 {
			t.Errorf("%q: countries %+v, want none", text, f.Countries)
		}
	}
}

func TestForeignEnvironment(t *testing.T) {
	if f := foreignOf(t, "(7) 外的環境の把握\n当社は、米国のクラウドサービスに個人データを保管しています。\n"); len(f.Environment) > 0 {
		t.Errorf("a heading alone counted as understanding the system: %+v", f.Environment)
	}
	if f := foreignOf(t, "当社は、米国のクラウドサービスに個人データを保管しており、米国の制度等を把握した上で安全管理措置を講じています。\n"); len(f.Environment) == 0 {
		t.Errorf("understanding of the system not found")
	}
}

func TestForeignUnidentified(t *testing.T) {
	if f := foreignOf(t, "当社は、外国にある第三者に個人データを提供することがあります。提供するデータは、個人を特定できないため安全です。"); len(f.Unidentified) > 0 {
		t.Errorf("a person who cannot be identified read as an unidentified country: %+v", f.Unidentified)
	}
	text := "お客様のカード発行会社が外国にある場合、個人情報が当該国に移転される場合があります。当社は、カード発行会社が所在する国を特定することができないため、国名をお知らせできません。"
	f := foreignOf(t, text)
	if len(f.Unidentified) == 0 {
		t.Errorf("unidentified country not found: %+v", f)
	}
}

// BenchmarkFindForeign measures the foreign facts on a long policy: the
// scan must stay linear in the number of sentences.
func BenchmarkFindForeign(b *testing.B) {
	part := "第5条(外国にある第三者への提供)\n当社は、以下の委託先に個人データの取扱いを委託しています。\n| 委託先 | 所在国 |\n|---|---|\n| Example Ltd. | 英国 |\n" +
		"当社は、取得情報の一部を、国内および米国の業務委託先に提供する場合があります。なお、当該国の個人情報保護に関する法制度の概要はこちらからご確認ください。\n" +
		"当社は、個人情報の安全管理のために必要かつ適切な措置を講じます。お問い合わせは窓口までご連絡ください。\n"
	doc, err := parse.Text("bench.txt", strings.Repeat(part, 300))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		facts.Compute(doc)
	}
}

// TestForeignBlankCountry: a 【…】 blank where the country goes is a
// drafted country (appi/placeholder reports the blank); a blank that names
// the recipient is not a country.
func TestForeignBlankCountry(t *testing.T) {
	const trigger = "当社は、個人データの取扱いを海外の委託先に委託しています。\n"
	for text, want := range map[string]string{
		trigger + "当社は、【提供する個人データの項目】を、【国名】に所在する【提供先の名称】に提供しています。": "【国名】",
		trigger + "委託先の所在国：【国名】":                     "【国名】",
		trigger + "当社は、【移転先の国名】において個人データを保管しています。":   "【移転先の国名】",
		trigger + "当社は、【委託先の名称】において安全管理措置を講じさせています。": "",
		trigger + "当社は、○○に所在する委託先に提供しています。":          "",
		trigger + "【国名】": "",
	} {
		f := foreignOf(t, text)
		var got []string
		for _, c := range f.Countries {
			got = append(got, c.Text)
		}
		if want == "" && len(got) > 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("%q: countries %q, want %q", text, got, want)
		}
	}
}
