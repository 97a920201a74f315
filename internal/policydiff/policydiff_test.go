package policydiff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/parse"
)

var (
	ruleFee   = &engine.Rule{ID: "test/fee", Severity: engine.Warning, Article: engine.Text{JA: "法38条", EN: "Art. 38"}, Title: engine.Text{JA: "手数料", EN: "Fee"}}
	ruleTerm  = &engine.Rule{ID: "test/term", Severity: engine.Warning, Article: engine.Text{JA: "法4条", EN: "Art. 4"}, Title: engine.Text{JA: "用語", EN: "Term"}}
	ruleMinor = &engine.Rule{ID: "test/minors", Severity: engine.Error, Article: engine.Text{JA: "Q&A 1-62", EN: "Q&A 1-62"}, Title: engine.Text{JA: "子ども", EN: "Children"}}
)

func parseMD(t *testing.T, name, text string) *model.Document {
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

func spanOf(t *testing.T, doc *model.Document, s string) model.Span {
	t.Helper()
	i := strings.Index(doc.Text, s)
	if i < 0 {
		t.Fatalf("%q not in the text", s)
	}
	return model.Span{Start: i, End: i + len(s)}
}

const oldMD = `# プライバシーポリシー

当社は、主務大臣のガイドラインを遵守します。

## 1. 利用目的

商品の発送のために利用します。

## 2. 旧い節

この節は削除されます。

## 3. お問い合わせ

窓口までご連絡ください。
`

const newMD = `# プライバシーポリシー

当社は、個人情報保護委員会のガイドラインを遵守します。

## 1. 利用目的

商品の発送及びご連絡のために利用します。

## 3. お問い合わせ

窓口までご連絡ください。
受付時間は平日です。
`

func versions(t *testing.T) (Version, Version) {
	od, nd := parseMD(t, "old.md", oldMD), parseMD(t, "new.md", newMD)
	oldRes := &engine.Result{Doc: od, Findings: []engine.Finding{
		{Rule: ruleFee, Severity: engine.Warning, Missing: true, Span: spanOf(t, od, "窓口までご連絡ください。"), Message: engine.Text{JA: "手数料がない", EN: "no fee"}, Suggestion: "手数料は無料です。"},
		{Rule: ruleTerm, Severity: engine.Warning, Span: spanOf(t, od, "主務大臣"), Message: engine.Text{JA: "古い用語", EN: "old term"}, Suggestion: "個人情報保護委員会"},
	}}
	newRes := &engine.Result{Doc: nd, Findings: []engine.Finding{
		// The same missing item, anchored elsewhere: still the same finding.
		{Rule: ruleFee, Severity: engine.Warning, Missing: true, Span: spanOf(t, nd, "受付時間は平日です。"), Message: engine.Text{JA: "手数料がない", EN: "no fee"}, Suggestion: "手数料は無料です。"},
		{Rule: ruleMinor, Severity: engine.Error, Missing: true, Span: spanOf(t, nd, "プライバシーポリシー"), Message: engine.Text{JA: "子どもの扱いがない", EN: "nothing on children"}, Suggestion: "【15】歳未満の方は…"},
	}}
	return Version{Name: "old.md", Result: oldRes}, Version{Name: "new.md", Result: newRes}
}

func ids(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule.ID)
	}
	return strings.Join(out, ",")
}

func TestCompareFindings(t *testing.T) {
	o, n := versions(t)
	r := Compare(o, n, Options{})
	if got := ids(r.Fixed); got != "test/term" {
		t.Errorf("fixed %s", got)
	}
	if got := ids(r.Introduced); got != "test/minors" {
		t.Errorf("introduced %s", got)
	}
	if got := ids(r.Unchanged); got != "test/fee" {
		t.Errorf("unchanged %s", got)
	}
	if u := r.Unchanged[0]; u.Line != 12 || u.Was == nil || u.Was.Line != 15 {
		t.Errorf("unchanged finding at new line %d, old %+v", u.Line, u.Was)
	}
}

func TestCompareHunks(t *testing.T) {
	o, n := versions(t)
	r := Compare(o, n, Options{})
	type hunk struct {
		section string
		inOld   bool
		line    int
		text    string
	}
	var got []hunk
	for _, h := range r.Hunks {
		var b strings.Builder
		for _, s := range h.Segments {
			switch s.Op {
			case Delete:
				b.WriteString("[-" + s.Text + "-]")
			case Insert:
				b.WriteString("{+" + s.Text + "+}")
			default:
				b.WriteString(s.Text)
			}
		}
		line := h.NewLine
		if h.InOld {
			line = h.OldLine
		}
		got = append(got, hunk{strings.Join(h.Section, " > "), h.InOld, line, b.String()})
	}
	want := []hunk{
		{"プライバシーポリシー", false, 3, "当社は、[-主務大臣-]{+個人情報保護委員会+}のガイドラインを遵守します。"},
		{"プライバシーポリシー > 1. 利用目的", false, 7, "商品の発送{+及びご連絡+}のために利用します。"},
		// Deleted text keeps the section it had in OLD.
		{"プライバシーポリシー > 2. 旧い節", true, 9, "[-## 2. 旧い節\n\nこの節は削除されます。\n\n-]## 3. お問い合わせ"},
		// An added line is shown as a line of its own.
		{"プライバシーポリシー > 3. お問い合わせ", false, 12, "{+受付時間は平日です。\n+}"},
	}
	if len(got) != len(want) {
		t.Fatalf("hunks:\n%+v\nwant\n%+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("hunk %d:\n%+v\nwant\n%+v", i, got[i], want[i])
		}
	}
}

func TestWriteText(t *testing.T) {
	o, n := versions(t)
	r := Compare(o, n, Options{})
	var b bytes.Buffer
	if err := r.WriteText(&b, TextOptions{Lang: "ja"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, s := range []string{
		"■ プライバシーポリシー > 1. 利用目的\n  new.md:7: 商品の発送{+及びご連絡+}のために利用します。\n",
		"■ プライバシーポリシー > 2. 旧い節（旧版の節）\n  old.md:9: [-## 2. 旧い節",
		"指摘の変化: 解消 1 / 新規 1 / 継続 1",
		"  - old.md:3:5 warning test/term 古い用語 (法4条)",
		"  + new.md:1:3 error test/minors 子どもの扱いがない (Q&A 1-62)\n      追加する文例（Q&A 1-62）: 【15】歳未満の方は…",
		"  = new.md:12:1 warning test/fee 手数料がない (法38条)",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("text report lacks %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour without Color")
	}

	b.Reset()
	r.WriteText(&b, TextOptions{Lang: "en", Color: true})
	out = b.String()
	if !strings.Contains(out, "\x1b[") || strings.Contains(out, "{+") {
		t.Errorf("colour report should use colour, not marks:\n%s", out)
	}
	if !strings.Contains(out, "Findings: fixed 1 / introduced 1 / unchanged 1") || !strings.Contains(out, "Wording to add (Q&A 1-62)") {
		t.Errorf("English report:\n%s", out)
	}
}

func TestWriteJSON(t *testing.T) {
	o, n := versions(t)
	r := Compare(o, n, Options{})
	var b bytes.Buffer
	if err := r.WriteJSON(&b, "ja"); err != nil {
		t.Fatal(err)
	}
	var got jsonReport
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Summary != (jsonSummary{Hunks: 4, Fixed: 1, Introduced: 1, Unchanged: 1}) {
		t.Errorf("summary %+v", got.Summary)
	}
	f := got.Findings.Introduced[0]
	if f.Rule != "test/minors" || f.Article != "Q&A 1-62" || f.Path != "new.md" || f.Fingerprint == "" {
		t.Errorf("introduced %+v", f)
	}
	if u := got.Findings.Unchanged[0]; u.OldLine != 15 {
		t.Errorf("unchanged %+v", u)
	}
	if h := got.Hunks[1]; h.Segments[1].Op != "insert" || h.Segments[1].Text != "及びご連絡" {
		t.Errorf("hunk %+v", h)
	}
}

func TestSameText(t *testing.T) {
	o, _ := versions(t)
	r := Compare(o, o, Options{})
	if len(r.Hunks) != 0 || len(r.Fixed)+len(r.Introduced) != 0 || len(r.Unchanged) != 2 {
		t.Errorf("a version against itself: %d hunks, %d fixed, %d introduced", len(r.Hunks), len(r.Fixed), len(r.Introduced))
	}
}

// TestShowsOriginalCharacters: the diff runs on normalised text but shows
// what the author wrote (全角, CRLF gone), except where normalisation
// rewrote more than characters (和暦 → 西暦).
func TestShowsOriginalCharacters(t *testing.T) {
	vers := func(name, text string) Version {
		return Version{Name: name, Result: &engine.Result{Doc: parseMD(t, name, text)}}
	}
	r := Compare(vers("a.txt", "当社は（株）テストです。\r\nＡＢＣ社と提携します。\r\n改定日：令和4年4月1日\r\n"),
		vers("b.txt", "当社は（株）テストです。\r\nＡＢＤ社と提携します。\r\n改定日：令和5年4月1日\r\n"), Options{})
	var got []string
	for _, h := range r.Hunks {
		var b strings.Builder
		for _, s := range h.Segments {
			b.WriteString(s.Op.String()[:1] + ":" + s.Text + " ")
		}
		got = append(got, b.String())
	}
	want := []string{"e:ＡＢ d:Ｃ i:Ｄ e:社と提携します。 ", "e:改定日:202 d:2 i:3 e:年4月1日 "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("hunks %q\nwant  %q", got, want)
	}
}
