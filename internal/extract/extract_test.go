package extract

import (
	"bytes"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/load"
)

// policyText is enough Japanese text that extraction is trusted.
var policyText = strings.Repeat("当社は、お客様の個人情報を利用目的の範囲内で適切に取り扱います。", 10)

// visible returns the text internal/load sees in the extracted page.
func visible(t *testing.T, page string) string {
	t.Helper()
	out := Main([]byte(page))
	src, err := load.Bytes("page.html", out, load.Options{Encoding: "utf-8"})
	if err != nil {
		t.Fatalf("load cannot read the extraction: %v\n%s", err, out)
	}
	return src.Text
}

func TestMain(t *testing.T) {
	tests := []struct {
		name       string
		page       string
		want, drop []string
	}{
		{
			name: "main element",
			page: `<!doctype html><html><head><title>会社サイト</title></head><body>
<header><a href="/">株式会社ヘッダー</a></header>
<nav><ul><li>ホーム</li><li>製品情報</li></ul></nav>
<div id="cookie-banner">当サイトはクッキーを使用します。同意する</div>
<main><h1>プライバシーポリシー</h1><p>` + policyText + `</p></main>
<aside>関連リンク</aside>
<footer>© 株式会社フッター 東京都港区</footer>
</body></html>`,
			want: []string{"プライバシーポリシー", "適切に取り扱います"},
			drop: []string{"株式会社ヘッダー", "製品情報", "クッキー", "関連リンク", "株式会社フッター", "会社サイト"},
		},
		{
			name: "div layout by density",
			page: `<html><body>
<div class="l-header"><div class="logo">株式会社ロゴ</div></div>
<div class="globalNav">会社概要 採用情報 お問い合わせ</div>
<div class="breadcrumbs">トップ ＞ 個人情報保護方針</div>
<div class="wrapper has-sidebar"><div class="content"><h2>個人情報保護方針</h2><p>` + policyText + `</p></div>
<div class="side-menu">お知らせ一覧</div></div>
<div class="site-footer">株式会社フッター</div>
<div class="cookie-notice">クッキーの利用に同意してください</div>
</body></html>`,
			want: []string{"個人情報保護方針", "適切に取り扱います"},
			drop: []string{"株式会社ロゴ", "採用情報", "トップ ＞", "お知らせ一覧", "株式会社フッター", "同意してください"},
		},
		{
			name: "article header and footer are content",
			page: `<body><header>サイト名</header><article><header><h1>個人情報の取扱いについて</h1><p>制定日：2024年4月1日</p></header>
<p>` + policyText + `</p><footer>株式会社記事 代表取締役 山田太郎</footer></article><footer>フッター会社</footer></body>`,
			want: []string{"個人情報の取扱いについて", "制定日", "株式会社記事 代表取締役"},
			drop: []string{"サイト名", "フッター会社"},
		},
		{
			name: "titled cookie section of the policy stays",
			page: `<body><main><p>` + policyText + `</p><section id="cookie"><h2>Cookieの利用について</h2><p>当社はクッキーを利用します。</p></section></main>
<div id="cookie-consent-bar">クッキーに同意する</div></body>`,
			want: []string{"Cookieの利用について", "当社はクッキーを利用します"},
			drop: []string{"クッキーに同意する"},
		},
		{
			name: "unlabelled link menu is cut, a signature is not",
			page: `<body><div><div><a href="/a">会社概要</a> | <a href="/b">採用情報</a></div><div><h2>個人情報保護方針</h2><p>` + policyText + `</p></div></div>
<div><a href="/c">サイトマップ</a></div></body>`,
			want: []string{"個人情報保護方針"},
			drop: []string{"会社概要", "採用情報", "サイトマップ"},
		},
		{
			name: "signature beside the content is kept",
			page: `<body><div><a href="/a">会社概要</a></div><div><h2>個人情報保護方針</h2><p>` + policyText + `</p></div><p>株式会社署名 代表取締役 山田太郎</p></body>`,
			want: []string{"個人情報保護方針", "株式会社署名"},
		},
		{
			name: "unclosed header falls back to the whole page",
			page: `<body><header>ロゴ<p>` + policyText + `</p></body>`,
			want: []string{"ロゴ", "適切に取り扱います"},
		},
		{
			name: "page without markup structure is kept",
			page: `<p>` + policyText + `</p>`,
			want: []string{"適切に取り扱います"},
		},
		{
			name: "small main is not trusted over a large body",
			page: `<body><main>お知らせ</main><div>` + policyText + `</div><nav>ナビ</nav></body>`,
			want: []string{"適切に取り扱います"},
			drop: []string{"ナビ"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := visible(t, tt.page)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("extraction lost %q:\n%s", w, got)
				}
			}
			for _, d := range tt.drop {
				if strings.Contains(got, d) {
					t.Errorf("extraction kept %q:\n%s", d, got)
				}
			}
		})
	}
}

// TestPositionsKept pins the contract that makes findings point into the
// real page: every kept character keeps its line and column.
func TestPositionsKept(t *testing.T) {
	page := "<html><body>\r\n<nav>メニュー項目　あいう</nav><main>\n<p>" + policyText + "</p>\n<p>第二段落です。</p></main>\n<footer>フッター</footer></body></html>\n"
	out := Main([]byte(page))
	if n, m := bytes.Count(out, []byte("\n")), strings.Count(page, "\n"); n != m {
		t.Fatalf("line breaks: got %d, want %d", n, m)
	}
	pos := func(s, sub string) (line, col int) {
		i := strings.Index(s, sub)
		if i < 0 {
			t.Fatalf("%q not found in %q", sub, s)
		}
		line = strings.Count(s[:i], "\n") + 1
		col = len([]rune(s[strings.LastIndex(s[:i], "\n")+1:i])) + 1
		return
	}
	for _, sub := range []string{"第二段落", "当社は"} {
		l1, c1 := pos(page, sub)
		l2, c2 := pos(string(out), sub)
		if l1 != l2 || c1 != c2 {
			t.Errorf("%s moved from %d:%d to %d:%d", sub, l1, c1, l2, c2)
		}
	}
	if bytes.Contains(out, []byte("メニュー")) || bytes.Contains(out, []byte("フッター")) {
		t.Errorf("boilerplate kept: %s", out)
	}
}

func TestDeepNestingAndGarbage(t *testing.T) {
	deep := strings.Repeat("<div>", 20000) + policyText + strings.Repeat("</div>", 20000)
	if got := visible(t, deep); !strings.Contains(got, "適切に") {
		t.Error("deep nesting lost the text")
	}
	for _, s := range []string{"", "<", "</div></div>", "<main>", "<script>当社</script>", "<![CDATA[x", "<div class='nav'"} {
		_ = Main([]byte(s)) // must not panic
	}
}

func FuzzMain(f *testing.F) {
	f.Add("<main><p>" + policyText + "</p></main><footer>x</footer>")
	f.Add("<div class=nav>a</div><div>当社</div>")
	f.Fuzz(func(t *testing.T, s string) {
		out := Main([]byte(s))
		if bytes.Count(out, []byte("\n")) != strings.Count(s, "\n") {
			t.Fatalf("line count changed")
		}
	})
}
