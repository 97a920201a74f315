package fix_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/fix"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/internal/suppress"
	"github.com/appilint/appilint/rules"
)

// Fake rules keep the placement tests independent of the catalog's wording.
var (
	ruleA = &engine.Rule{ID: "test/rule-a", Article: engine.Text{JA: "法32条1項3号"}, Title: engine.Text{JA: "A"}}
	ruleB = &engine.Rule{ID: "test/rule-b", Article: engine.Text{JA: "法33条1項"}, Title: engine.Text{JA: "B"}}
	ruleC = &engine.Rule{ID: "test/rule-c", Article: engine.Text{JA: "法34条1項"}, Title: engine.Text{JA: "C"}}
	ruleD = &engine.Rule{ID: "test/rule-d", Article: engine.Text{JA: "法35条1項"}, Title: engine.Text{JA: "D"}}
)

func parseDoc(t *testing.T, name, text string) *model.Document {
	t.Helper()
	src, err := load.Bytes(name, []byte(text), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Source(src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// at returns the span of the first block whose text contains s; "" means
// the document start (a zero span).
func at(t *testing.T, doc *model.Document, s string) model.Span {
	t.Helper()
	if s == "" {
		return model.Span{}
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, s) {
			return b.Span
		}
	}
	t.Fatalf("no block contains %q", s)
	return model.Span{}
}

type want struct {
	rule   *engine.Rule
	anchor string // text of the anchor block; "" = document start
	text   string // the suggestion
}

// result builds a checked document with missing findings; the outcomes
// give the rule order A, B, C, D.
func result(t *testing.T, doc *model.Document, fs ...want) *engine.Result {
	t.Helper()
	res := &engine.Result{Doc: doc}
	for _, r := range []*engine.Rule{ruleA, ruleB, ruleC, ruleD} {
		res.Outcomes = append(res.Outcomes, engine.Outcome{Rule: r, Status: engine.StatusOK})
	}
	for _, f := range fs {
		res.Findings = append(res.Findings, engine.Finding{
			Rule: f.rule, Missing: true, Span: at(t, doc, f.anchor), Suggestion: f.text,
			Message: engine.Text{JA: "ない"},
		})
	}
	return res
}

const mdPolicy = `# プライバシーポリシー

株式会社テスト（以下「当社」）は、個人情報を適切に取り扱います。

## 開示等の請求

ご本人は、開示を請求できます。

### 手続

窓口までご連絡ください。

## お問い合わせ

- メール：privacy@example.jp
`

func TestMarkdownSectionAndAppendix(t *testing.T) {
	doc := parseDoc(t, "p.md", mdPolicy)
	res := result(t, doc,
		want{ruleB, "## 開示等の請求", "第三者提供記録の開示を請求できます。"},
		want{ruleA, "## 開示等の請求", "手数料は1件につき【金額】円です。"},
		want{ruleC, "", "事業者：【会社名】\n住所：【住所】"},
		want{ruleD, "## お問い合わせ", "電話：【電話番号】"},
	)
	plan := fix.New(res)
	got := plan.Apply()
	wantText := `# プライバシーポリシー

株式会社テスト（以下「当社」）は、個人情報を適切に取り扱います。

## 開示等の請求

ご本人は、開示を請求できます。

### 手続

窓口までご連絡ください。

<!-- appilint: test/rule-a 法32条1項3号 -->
手数料は1件につき【金額】円です。

<!-- appilint: test/rule-b 法33条1項 -->
第三者提供記録の開示を請求できます。

## お問い合わせ

- メール：privacy@example.jp

<!-- appilint: test/rule-d 法35条1項 -->
電話：【電話番号】

## 追記（appilint による文例）

<!-- appilint: test/rule-c 法34条1項 -->
事業者：【会社名】
住所：【住所】
`
	if got != wantText {
		t.Errorf("fixed text:\n%s\nwant:\n%s", got, wantText)
	}
	checkOnlyInsertions(t, plan)
	if ds := suppress.Parse(got); len(ds) != 0 {
		t.Errorf("the clause comments read as %d suppression directives", len(ds))
	}
	// The fixed document still parses into the same sections plus the appendix.
	fixed := parseDoc(t, "p.md", got)
	var titles []string
	for _, s := range fixed.Sections {
		titles = append(titles, s.Title)
	}
	if g := strings.Join(titles, "|"); g != "|プライバシーポリシー|開示等の請求|手続|お問い合わせ|追記(appilint による文例)" {
		t.Errorf("sections after the fix: %s", g)
	}
}

func TestGroupingDeduplicates(t *testing.T) {
	doc := parseDoc(t, "p.md", mdPolicy)
	res := result(t, doc,
		want{ruleD, "## お問い合わせ", "【会社名】\n代表者：【代表者氏名】"},
		want{ruleC, "## お問い合わせ", "【会社名】\n住所：【住所】"},
		want{ruleB, "## お問い合わせ", "同じ文です。"},
		want{ruleA, "## お問い合わせ", "同じ文です。"},
	)
	plan := fix.New(res)
	if len(plan.Insertions) != 1 {
		t.Fatalf("%d insertions, want one group", len(plan.Insertions))
	}
	got := plan.Insertions[0].Text
	wantText := "\n<!-- appilint: test/rule-a 法32条1項3号; test/rule-b 法33条1項 -->\n同じ文です。\n\n" +
		"<!-- appilint: test/rule-c 法34条1項 -->\n【会社名】\n住所：【住所】\n\n" +
		"<!-- appilint: test/rule-d 法35条1項 -->\n代表者：【代表者氏名】\n"
	if got != wantText {
		t.Errorf("insertion:\n%q\nwant:\n%q", got, wantText)
	}
	if ids := fmt.Sprint(ruleIDs(plan.Rules())); ids != "[test/rule-a test/rule-b test/rule-c test/rule-d]" {
		t.Errorf("rules in order %s", ids)
	}
	checkOnlyInsertions(t, plan)
}

func ruleIDs(rs []*engine.Rule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

const txtPolicy = "プライバシーポリシー\r\n\r\n" +
	"当社は、個人情報を適切に取り扱います。\r\n\r\n" +
	"第1条 開示等の請求\r\n" +
	"ご本人は、開示を請求できます。\r\n\r\n" +
	"第2条 お問い合わせ\r\n" +
	"窓口までご連絡ください。" // no final line end

func TestPlainTextCRLF(t *testing.T) {
	doc := parseDoc(t, "p.txt", txtPolicy)
	res := result(t, doc,
		want{ruleA, "第1条 開示等の請求", "手数料は無料です。"},
		want{ruleB, "", "【会社名】\n住所：【住所】"},
		want{ruleC, "第2条 お問い合わせ", "電話：【電話番号】"},
	)
	plan := fix.New(res)
	got := plan.Apply()
	wantText := "プライバシーポリシー\r\n\r\n" +
		"当社は、個人情報を適切に取り扱います。\r\n\r\n" +
		"第1条 開示等の請求\r\n" +
		"ご本人は、開示を請求できます。\r\n" +
		"\r\n手数料は無料です。\r\n" +
		"\r\n" +
		"第2条 お問い合わせ\r\n" +
		"窓口までご連絡ください。" +
		"\r\n\r\n電話：【電話番号】\r\n" +
		"\r\n追記（appilint による文例）\r\n\r\n【会社名】\r\n住所：【住所】\r\n"
	if got != wantText {
		t.Errorf("fixed text:\n%q\nwant:\n%q", got, wantText)
	}
	if strings.Contains(got, "<!--") {
		t.Error("plain text got a comment")
	}
	if n := strings.Count(got, "\n"); n != strings.Count(got, "\r\n") {
		t.Errorf("%d line feeds without a carriage return", n-strings.Count(got, "\r\n"))
	}
	checkOnlyInsertions(t, plan)
	// The header names every rule even though the text carries no comments.
	h := strings.Join(plan.Header("p.txt", "ja"), "\n")
	for _, id := range []string{"test/rule-a", "test/rule-b", "test/rule-c"} {
		if !strings.Contains(h, id) {
			t.Errorf("header lacks %s:\n%s", id, h)
		}
	}
}

const htmlPolicy = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>ポリシー</title></head>
<body>
<h1>プライバシーポリシー</h1>
<p>当社は、個人情報を適切に取り扱います。</p>
<section><h2>開示等の請求</h2>
<ul><li>開示</li><li>訂正</li></ul></section>
<section><h2>お問い合わせ</h2><p>窓口 &amp; 受付</p><p>以上</p></section>
</body>
</html>
`

func TestHTML(t *testing.T) {
	doc := parseDoc(t, "p.html", htmlPolicy)
	res := result(t, doc,
		want{ruleA, "開示等の請求", "手数料は<無料>です。"},
		want{ruleB, "", "事業者：【会社名】\n住所：【住所】"},
		want{ruleC, "お問い合わせ", "電話：【電話番号】"},
	)
	plan := fix.New(res)
	got := plan.Apply()
	wantText := `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>ポリシー</title></head>
<body>
<h1>プライバシーポリシー</h1>
<p>当社は、個人情報を適切に取り扱います。</p>
<section><h2>開示等の請求</h2>
<ul><li>開示</li><li>訂正</li></ul>
<!-- appilint: test/rule-a 法32条1項3号 -->
<p>手数料は&lt;無料&gt;です。</p>
</section>
<section><h2>お問い合わせ</h2><p>窓口 &amp; 受付</p><p>以上</p>
<!-- appilint: test/rule-c 法34条1項 -->
<p>電話：【電話番号】</p>
</section>
<section>
<h2>追記（appilint による文例）</h2>
<!-- appilint: test/rule-b 法33条1項 -->
<p>事業者：【会社名】<br>
住所：【住所】</p>
</section>
</body>
</html>
`
	if got != wantText {
		t.Errorf("fixed text:\n%s\nwant:\n%s", got, wantText)
	}
	checkOnlyInsertions(t, plan)
	// The drafts are visible text in the sections they belong to.
	fixed := parseDoc(t, "p.html", got)
	for _, c := range []struct{ text, section string }{
		{"手数料は<無料>です。", "開示等の請求"},
		{"【電話番号】", "お問い合わせ"},
		{"【住所】", "追記(appilint による文例)"}, // titles are width-folded
	} {
		b := blockWith(fixed, c.text)
		if b == nil {
			t.Errorf("%q is not visible text:\n%s", c.text, fixed.Text)
			continue
		}
		if b.Section.Title != c.section {
			t.Errorf("%q is in section %q, want %q", c.text, b.Section.Title, c.section)
		}
	}
}

func blockWith(doc *model.Document, s string) *model.Block {
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, s) {
			return b
		}
	}
	return nil
}

func TestNothingToFix(t *testing.T) {
	doc := parseDoc(t, "p.md", mdPolicy)
	res := result(t, doc)
	res.Findings = append(res.Findings,
		engine.Finding{Rule: ruleA, Missing: false, Suggestion: "present text", Span: at(t, doc, "窓口")},
		engine.Finding{Rule: ruleB, Missing: true, Suggestion: "  ", Span: at(t, doc, "窓口")})
	plan := fix.New(res)
	if !plan.Empty() || plan.Unified("a", "b") != "" || plan.Apply() != mdPolicy {
		t.Errorf("a plan without fixable findings changed something: %+v", plan.Insertions)
	}
}

// checkOnlyInsertions asserts the two promises of a plan: applying its
// unified diff to the original gives the fixed text, and removing the
// inserted texts gives back the original byte for byte.
func checkOnlyInsertions(t *testing.T, plan *fix.Plan) {
	t.Helper()
	orig := plan.Doc.Orig
	fixed := plan.Apply()
	patched, err := applyUnified(orig, plan.Unified("p", "p"))
	if err != nil {
		t.Fatalf("the diff does not apply: %v\n%s", err, plan.Unified("p", "p"))
	}
	if patched != fixed {
		t.Errorf("the diff applied gives\n%q\nwant\n%q", patched, fixed)
	}
	var b strings.Builder
	prev, shift := 0, 0 // prev: offset in fixed after the last insertion
	for _, ins := range plan.Insertions {
		p := ins.Offset + shift
		if p < prev || !strings.HasPrefix(fixed[p:], ins.Text) {
			t.Fatalf("insertion at %d not found in the fixed text", ins.Offset)
		}
		b.WriteString(fixed[prev:p])
		prev = p + len(ins.Text)
		shift += len(ins.Text)
	}
	b.WriteString(fixed[prev:])
	if b.String() != orig {
		t.Errorf("without the insertions the text differs from the original:\n%q\n%q", b.String(), orig)
	}
}

// applyUnified is a strict unified-diff applier: context and removed lines
// must match exactly (line ends included), as patch without fuzz requires.
func applyUnified(orig, diff string) (string, error) {
	old := splitKeep(orig)
	lines := splitKeep(diff)
	var out []string
	pos := 0 // next old line to copy
	i := 0
	for i < len(lines) && !strings.HasPrefix(lines[i], "@@ ") {
		i++
	}
	for i < len(lines) {
		h := lines[i]
		if !strings.HasPrefix(h, "@@ -") {
			return "", fmt.Errorf("expected a hunk header, got %q", h)
		}
		f := strings.Fields(h)
		start, _ := parseRange(f[1][1:])
		if start > 0 {
			start-- // 1-based, except for an empty range
		}
		if start < pos || start > len(old) {
			return "", fmt.Errorf("hunk %q out of order", h)
		}
		out = append(out, old[pos:start]...)
		pos = start
		i++
		for i < len(lines) && !strings.HasPrefix(lines[i], "@@ ") {
			l := lines[i]
			body := l[1:]
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], `\ No newline`) {
				body = strings.TrimSuffix(body, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if pos >= len(old) || old[pos] != body {
					return "", fmt.Errorf("line %d: have %q, diff says %q", pos+1, lineAt(old, pos), body)
				}
				if l[0] == ' ' {
					out = append(out, body)
				}
				pos++
			case '+':
				out = append(out, body)
			default:
				return "", fmt.Errorf("bad diff line %q", l)
			}
			i++
		}
	}
	out = append(out, old[pos:]...)
	return strings.Join(out, ""), nil
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<EOF>"
}

func parseRange(s string) (int, int) {
	a, b, _ := strings.Cut(s, ",")
	start, _ := strconv.Atoi(a)
	n := 1
	if b != "" {
		n, _ = strconv.Atoi(b)
	}
	return start, n
}

func splitKeep(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func TestUnifiedFormat(t *testing.T) {
	doc := parseDoc(t, "p.txt", txtPolicy)
	plan := fix.New(result(t, doc, want{ruleA, "第1条 開示等の請求", "手数料は無料です。"}, want{ruleB, "", "追記です。"}))
	got := plan.Unified("p.txt", "p.txt")
	wantDiff := "--- p.txt\n+++ p.txt\n" +
		"@@ -4,6 +4,12 @@\n" +
		" \r\n" +
		" 第1条 開示等の請求\r\n" +
		" ご本人は、開示を請求できます。\r\n" +
		"+\r\n" +
		"+手数料は無料です。\r\n" +
		" \r\n" +
		" 第2条 お問い合わせ\r\n" +
		"-窓口までご連絡ください。\n\\ No newline at end of file\n" +
		"+窓口までご連絡ください。\r\n" +
		"+\r\n" +
		"+追記（appilint による文例）\r\n" +
		"+\r\n" +
		"+追記です。\r\n"
	if got != wantDiff {
		t.Errorf("diff:\n%s\nwant:\n%s", got, wantDiff)
	}
}

func TestEncode(t *testing.T) {
	orig := "当社は、個人情報を取り扱います。\r\n"
	fixed := orig + "\r\n手数料は【金額】円です。\r\n"
	sjis, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte(orig))
	got, err := fix.Encode("shift_jis", sjis, orig, fixed)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := japanese.ShiftJIS.NewDecoder().Bytes(got)
	if string(back) != fixed || !bytes.HasPrefix(got, sjis) {
		t.Errorf("Shift_JIS round trip: %q", back)
	}

	bom := append([]byte("\xEF\xBB\xBF"), orig...)
	got, err = fix.Encode("utf-8", bom, orig, fixed)
	if err != nil || string(got) != "\xEF\xBB\xBF"+fixed {
		t.Errorf("UTF-8 with BOM: %q, %v", got, err)
	}

	// Bytes that do not survive a round trip are not rewritten.
	if _, err := fix.Encode("shift_jis", append(sjis, 0x80), orig, fixed); err == nil {
		t.Error("a file that does not round-trip was accepted")
	}
	// A drafted character the encoding lacks is refused, not replaced.
	if _, err := fix.Encode("shift_jis", sjis, orig, orig+"😀"); err == nil {
		t.Error("an unencodable character was accepted")
	}
}

// TestCommentsStayComments guards the Markdown note before each clause for
// every rule of the catalog: it must not parse as a heading (which would
// cut the section the clause belongs to) nor as a suppression directive.
func TestCommentsStayComments(t *testing.T) {
	doc := parseDoc(t, "p.md", mdPolicy)
	res := &engine.Result{Doc: doc}
	for _, r := range rules.All() {
		res.Outcomes = append(res.Outcomes, engine.Outcome{Rule: r})
		if r.Fix.JA == "" {
			continue
		}
		res.Findings = append(res.Findings, engine.Finding{Rule: r, Missing: true,
			Span: at(t, doc, "## 開示等の請求"), Suggestion: "文例" + r.ID + "です。"})
	}
	plan := fix.New(res)
	got := plan.Apply()
	if ds := suppress.Parse(got); len(ds) != 0 {
		t.Errorf("%d clause comments read as suppression directives", len(ds))
	}
	for _, b := range parseDoc(t, "p.md", got).Blocks {
		if b.Kind == model.Heading && strings.Contains(b.Text, "appilint:") {
			t.Errorf("comment parsed as a heading: %s", b.Text)
		}
	}
}
