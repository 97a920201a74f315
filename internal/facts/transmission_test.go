package facts_test

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/facts"
)

// mentionTexts returns the texts of the mentions of all groups.
func mentionTexts(tx facts.Transmission, of func(facts.TransmissionGroup) []facts.Mention) []string {
	var out []string
	for _, g := range tx.Groups {
		for _, m := range of(g) {
			out = append(out, m.Text)
		}
	}
	return out
}

func containsText(list []string, want string) bool {
	for _, s := range list {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

func TestTransmissionTrigger(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"analytics product", "当サイトではGoogle Analyticsを利用しています。", true},
		{"fullwidth product", "当サイトではＧｏｏｇｌｅアナリティクスを利用しています。", true},
		{"information collection module", "本アプリには情報収集モジュールが組み込まれています。", true},
		{"third-party cookie", "当社と提携する第三者によって設定されるサードパーティーCookieがあります。", true},
		{"partner with SDK", "当社は、パートナー企業に対して、アプリ開発キットを用いた情報の取得を認めています。", true},
		{"ad company under a cookie heading", "## クッキーについて\n\nGoogleなど第三者配信事業者が、当社サイトへのアクセス情報に基づいて広告を配信します。", true},
		{"first-party cookie", "当社は、ログイン状態の保持のためにCookieを使用します。", false},
		{"own web beacon", "当社は、HTMLメールにてウェブビーコンを使用する場合がございます。", false},
		{"negated", "当社ウェブサイトでは、Cookieを使用したアクセス解析ツールは導入しておりません。", false},
		{"negated product", "当社はGoogle Analyticsを利用していません。", false},
		{"conditional", "Google Analyticsを導入する場合は、本ポリシーを改定します。", false},
		{"cookie data not provided", "Cookieの情報を第三者に提供することはありません。", false},
		{"Bluetooth beacon", "端末がBLEビーコンから受信した電波の情報を第三者の地図サービスに表示します。", false},
		{"hosting is not analytics", "・Firebase（認証、ホスティング）", false},
		{"named company's ad service", "本サイトでは、サンプル株式会社の広告配信サービスを利用しています。", true},
		{"tag provided by a named company", "当サイトには、Sample LLCが提供するタグを設置しています。", true},
		{"cookie data sent to a named company", "これにより、Cookieに記録された識別子がサンプル株式会社に送信されます。", true},
		{"named company's service not used", "本サイトでは、サンプル株式会社の広告配信サービスは利用していません。", false},
		{"operator's own cookie", "株式会社サンプル（以下「当社」）は個人情報を保護します。\n株式会社サンプルのCookieはログインの保持に使います。", false},
		{"company named apart from the technology", "サンプル株式会社のウェブサイトでは、Cookieを使用します。", false},
		{"pointer to a quoted section title", "詳しくはプライバシーポリシーの「外部送信について」をご覧ください。", false},
		{"quoted term stated as used", "当サイトでは「サードパーティーCookie」を使用しています。", true},
		{"heading alone", "## 外部送信の有無\n\n当社は外部送信を行っておりません。", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := compute(t, tt.text)
			if got := len(f.Transmission.Triggers) > 0; got != tt.want {
				t.Errorf("trigger = %v, want %v (triggers %d)", got, tt.want, len(f.Transmission.Triggers))
			}
		})
	}
}

func TestTransmissionTable(t *testing.T) {
	_, f := compute(t, "## 外部送信について\n\n本サービスでは、以下の情報収集モジュールを利用しています。\n\n"+
		"| モジュール名 | 提供元 | 送信される情報 | 利用目的 |\n|---|---|---|---|\n"+
		"| Sample Analytics | サンプル合同会社 | 閲覧したページのURL | アクセス解析 |\n")
	tx := f.Transmission
	if len(tx.Groups) != 1 {
		t.Fatalf("%d groups, want 1", len(tx.Groups))
	}
	if got := mentionTexts(tx, func(g facts.TransmissionGroup) []facts.Mention { return g.Recipients }); !containsText(got, "サンプル合同会社") {
		t.Errorf("recipients %q lack the 提供元 column", got)
	}
	if got := mentionTexts(tx, func(g facts.TransmissionGroup) []facts.Mention { return g.Content }); !containsText(got, "閲覧したページのURL") {
		t.Errorf("content %q lacks the 送信される情報 column", got)
	}
	if got := mentionTexts(tx, func(g facts.TransmissionGroup) []facts.Mention { return g.Purposes }); !containsText(got, "アクセス解析") {
		t.Errorf("purposes %q lack the 利用目的 column", got)
	}
}

func TestTransmissionLabelledRows(t *testing.T) {
	_, f := compute(t, "本サービスには以下の情報収集モジュールが組み込まれています。\n"+
		"情報収集モジュールの名称\tSampleSDK\n情報収集モジュール提供者\tSample, Inc.\n"+
		"提供される利用者情報の項目\tクラッシュログ、端末情報\n利用目的\tエラー監視\n")
	tx := f.Transmission
	if got := mentionTexts(tx, func(g facts.TransmissionGroup) []facts.Mention { return g.Recipients }); !containsText(got, "Sample, Inc.") {
		t.Errorf("recipients %q lack the 提供者 row", got)
	}
	content := mentionTexts(tx, func(g facts.TransmissionGroup) []facts.Mention { return g.Content })
	if !containsText(content, "クラッシュログ") {
		t.Errorf("content %q lacks the 項目 row", content)
	}
	if containsText(content, "SampleSDK") {
		t.Errorf("content %q takes the module's name (名称) for information sent", content)
	}
	if got := mentionTexts(tx, func(g facts.TransmissionGroup) []facts.Mention { return g.Purposes }); !containsText(got, "エラー監視") {
		t.Errorf("purposes %q lack the 利用目的 row", got)
	}
}

func TestTransmissionUnnamed(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		unnamed  string // the generic reference expected, "" for none
		nearName string // a name expected near it, "" for none
	}{
		{"generic with no names", "当社と提携する第三者が、サードパーティCookieにより閲覧履歴を取得します。", "第三者", ""},
		{"generic followed by a list", "当社は、第三者配信事業者のクッキーを利用して広告を配信しています。\n主な事業者\nグーグル株式会社\nヤフー株式会社", "第三者配信事業者", "グーグル株式会社"},
		{"names in the same sentence", "Google、Metaなど第三者配信事業者がクッキーを利用して広告を配信します。", "第三者配信事業者", "Google"},
		{"anaphoric", "当社はGoogle Analyticsを利用しています。これらの第三者はCookieにより閲覧履歴を取得します。", "", ""},
		{"definition", "情報収集モジュールとは、提供元（当社）とは独立した第三者組織が提供するプログラムです。", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := compute(t, tt.text)
			var got []facts.UnnamedRecipient
			for _, g := range f.Transmission.Groups {
				got = append(got, g.Unnamed...)
			}
			if tt.unnamed == "" {
				if len(got) > 0 {
					t.Errorf("unexpected generic recipient %q", got[0].Text)
				}
				return
			}
			if len(got) == 0 || got[0].Text != tt.unnamed {
				t.Fatalf("generic recipients %v, want %q", got, tt.unnamed)
			}
			var near []string
			for _, m := range got[0].Near {
				near = append(near, m.Text)
			}
			if tt.nearName == "" && len(near) > 0 {
				t.Errorf("names near it %q, want none", near)
			}
			if tt.nearName != "" && !containsText(near, tt.nearName) {
				t.Errorf("names near it %q, want %q", near, tt.nearName)
			}
		})
	}
}

func TestTransmissionNegatedContent(t *testing.T) {
	_, f := compute(t, "当社はGoogle Analyticsを利用しています。IPアドレスは送信しません。")
	if got := mentionTexts(f.Transmission, func(g facts.TransmissionGroup) []facts.Mention { return g.Content }); containsText(got, "IPアドレス") {
		t.Errorf("content %q includes information said not to be sent", got)
	}
}

func TestTransmissionBlankRecipient(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		blank string // the row whose recipient is blank, "" for none
	}{
		{"empty tab cell", "本アプリには次の情報収集モジュールが組み込まれています。\nモジュール名\t提供者\t送信される情報\nSample Analytics\tSample, Inc.\t閲覧履歴\nAcme SDK\t\t広告識別子\n", "Acme SDK"},
		{"empty markdown cell", "## 外部送信\n\n本サービスでは、以下の情報収集モジュールを利用しています。\n\n| モジュール名 | 送信先 | 送信される情報 |\n|---|---|---|\n| Acme SDK |  | 広告識別子 |\n", "Acme SDK"},
		// A label row whose value cell is empty loses its tab: the label
		// stands alone between the rows.
		{"empty label row", "本サービスには以下の情報収集モジュールが組み込まれています。\n情報収集モジュールの名称\tSampleSDK\n\n情報収集モジュール提供者\n\n提供される利用者情報の項目\t端末識別子\n", "情報収集モジュール提供者"},
		{"label introducing a list", "本サービスには以下の情報収集モジュールが組み込まれています。\n情報収集モジュールの名称\tSampleSDK\n\n送信先の一覧\n\n提供される利用者情報の項目\t端末識別子\n", ""},
		{"all cells filled", "## 外部送信\n\n| モジュール名 | 送信先 | 送信される情報 |\n|---|---|---|\n| Acme SDK | Acme, Inc. | 広告識別子 |\n", ""},
		{"same as above", "## 外部送信\n\n| モジュール名 | 送信先 | 送信される情報 |\n|---|---|---|\n| Acme SDK | Acme, Inc. | 広告識別子 |\n| Acme Tag | ↑ | 閲覧履歴 |\n", ""},
		{"merged cell shortens the row", "当社は以下の情報収集モジュールを利用しています。\nモジュール名\t提供者\t送信される情報\t利用目的\nSample Analytics\tSample, Inc.\t閲覧履歴\t分析\nSample Crash\tクラッシュログ\t不具合の修正\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := compute(t, tt.text)
			var blank []string
			for _, g := range f.Transmission.Groups {
				for _, u := range g.Unnamed {
					if u.Blank {
						blank = append(blank, u.Text)
					}
				}
			}
			if tt.blank == "" && len(blank) > 0 || tt.blank != "" && !containsText(blank, tt.blank) {
				t.Errorf("blank recipients %q, want %q", blank, tt.blank)
			}
		})
	}
}

func TestTransmissionEmptyCellKeepsColumns(t *testing.T) {
	_, f := compute(t, "本アプリには次の情報収集モジュールが組み込まれています。\nモジュール名\t提供者\t送信される情報\t利用目的\nAcme SDK\t\t広告識別子\t広告の配信\n")
	tx := f.Transmission
	if got := mentionTexts(tx, func(g facts.TransmissionGroup) []facts.Mention { return g.Recipients }); containsText(got, "広告識別子") {
		t.Errorf("recipients %q take the next column", got)
	}
	if got := mentionTexts(tx, func(g facts.TransmissionGroup) []facts.Mention { return g.Content }); !containsText(got, "広告識別子") {
		t.Errorf("content %q lacks the 送信される情報 column", got)
	}
	if got := mentionTexts(tx, func(g facts.TransmissionGroup) []facts.Mention { return g.Purposes }); !containsText(got, "広告の配信") {
		t.Errorf("purposes %q lack the 利用目的 column", got)
	}
}
