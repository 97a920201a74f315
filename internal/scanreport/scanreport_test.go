package scanreport

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/scan"
	"github.com/appilint/appilint/rules"
)

const malicious = `<script>alert(1)</script>`

// synthRecords makes n deterministic records over the catalog's rules:
// mostly checked documents with a mix of outcomes, every seventh a failed
// input, and record 3 with a hostile company name and evidence.
func synthRecords(n int) []scan.Record {
	all := rules.All()
	seed := uint32(12345)
	rnd := func(k int) int { // LCG: no math/rand so the data never changes
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % k
	}
	at := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	out := make([]scan.Record, 0, n)
	for i := 1; i <= n; i++ {
		r := scan.Record{
			ID:        fmt.Sprintf("id%03d", i),
			Company:   fmt.Sprintf("株式会社サンプル商事%02d", i),
			Source:    fmt.Sprintf("https://example%02d.co.jp/privacy", i),
			CheckedAt: at, DurationMS: int64(10 * i),
		}
		if i%7 == 0 {
			r.Status, r.Error = "error", "HTTP 404 Not Found: https://example.co.jp/privacy"
			out = append(out, r)
			continue
		}
		r.Status, r.Operator, r.Encoding = "ok", r.Company, "UTF-8"
		okN, applicable := 0, 0
		for j, rule := range all {
			st := scan.RuleStatus{Rule: rule.ID, Severity: rule.Severity.String()}
			switch x := rnd(10); {
			case x < 5:
				st.Status = "ok"
				okN++
				applicable++
			case x < 8:
				st.Status = "violation"
				applicable++
				r.Findings = append(r.Findings, scan.Finding{
					Rule: rule.ID, Severity: st.Severity, Message: rule.Missing.JA, Article: rule.Article.JA,
					Line: 3 + j, Column: 1 + rnd(20), Missing: x == 5, Evidence: "第" + strconv.Itoa(j+1) + "条 個人情報の取扱いについて",
				})
			default:
				st.Status = "na"
			}
			r.Rules = append(r.Rules, st)
		}
		if applicable > 0 {
			r.Score = float64(okN) / float64(applicable)
		}
		out = append(out, r)
	}
	if n >= 3 {
		out[2].Company = malicious
		out[2].Findings = append(out[2].Findings, scan.Finding{
			Rule: "appi/operator-name", Severity: "error", Message: `"quoted" & <b>bold</b>`, Article: "法32条1項1号",
			Line: 1, Column: 1, Evidence: `お問い合わせ https://evil.example/<img src="https://evil.example/x.png"><a href="http://evil.example/">link</a>`,
		})
	}
	return out
}

func TestMatrixCSVParsesBackAndMatchesRecords(t *testing.T) {
	recs := synthRecords(20)
	recs[0].Company = "=HYPERLINK(\"http://evil\")" // formula injection
	var buf bytes.Buffer
	if err := WriteMatrix(&buf, recs, Options{}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("no UTF-8 BOM: % x", data[:3])
	}
	rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	all := rules.All()
	header := rows[0]
	want := []string{"company", "source", "status", "score"}
	for _, r := range all {
		want = append(want, r.ID)
	}
	want = append(want, "error")
	if strings.Join(header, ",") != strings.Join(want, ",") {
		t.Fatalf("header\n got %v\nwant %v", header, want)
	}
	if len(rows) != len(recs)+1 {
		t.Fatalf("%d rows for %d records", len(rows)-1, len(recs))
	}
	if rows[1][0] != "'"+recs[0].Company {
		t.Errorf("formula not defused: %q", rows[1][0])
	}
	for i, rec := range recs {
		row := rows[i+1]
		if i > 0 && row[0] != rec.Company {
			t.Errorf("row %d company %q, want %q", i, row[0], rec.Company)
		}
		if row[1] != rec.Source || row[2] != rec.Status {
			t.Errorf("row %d: %v", i, row[:3])
		}
		last := row[len(row)-1]
		if rec.Status == "error" {
			if last != rec.Error || row[3] != "" {
				t.Errorf("failed row %d: score %q error %q", i, row[3], last)
			}
			for _, c := range row[4 : len(row)-1] {
				if c != "" {
					t.Errorf("failed row %d has a rule cell %q", i, c)
				}
			}
			continue
		}
		if score, err := strconv.ParseFloat(row[3], 64); err != nil || abs(score-rec.Score) > 0.0005 {
			t.Errorf("row %d score %q, want %v", i, row[3], rec.Score)
		}
		for j, st := range rec.Rules {
			want := st.Status
			if want == "na" {
				want = "n/a"
			}
			if got := row[4+j]; got != want { // rec.Rules follows rules.All() order
				t.Errorf("row %d %s = %q, want %q", i, st.Rule, got, want)
			}
		}
		if last != "" {
			t.Errorf("row %d error %q", i, last)
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestMatrixColumnsForCustomRulesAndGaps(t *testing.T) {
	rs := []*engine.Rule{{ID: "b/one", Title: engine.Text{JA: "一", EN: "one"}}, {ID: "a/two"}}
	recs := []scan.Record{{Source: "x.txt", Status: "ok", Score: 1, Rules: []scan.RuleStatus{
		{Rule: "z/custom", Status: "violation"}, {Rule: "b/one", Status: "ok"},
	}}}
	var buf bytes.Buffer
	if err := WriteMatrix(&buf, recs, Options{Rules: rs}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "company,source,status,score,b/one,a/two,z/custom,error" {
		t.Errorf("header %s", got)
	}
	if got := strings.Join(rows[1], ","); got != ",x.txt,ok,1.000,ok,,violation," {
		t.Errorf("row %s", got)
	}
}

// parseHTML renders the records and parses the page.
func parseHTML(t *testing.T, recs []scan.Record, opt Options) (string, *html.Node) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, recs, opt); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return buf.String(), doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// findAll returns the elements under n that match.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func byID(n *html.Node, id string) *html.Node {
	if got := findAll(n, func(n *html.Node) bool { return attr(n, "id") == id }); len(got) == 1 {
		return got[0]
	}
	return nil
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestHTMLStructure(t *testing.T) {
	recs := synthRecords(30)
	out, doc := parseHTML(t, recs, Options{GeneratedAt: time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)})
	nRules := len(rules.All())

	if h := findAll(doc, tag("html")); attr(h[0], "lang") != "ja" {
		t.Errorf("lang %q", attr(h[0], "lang"))
	}
	heat := byID(doc, "heatmap")
	if heat == nil {
		t.Fatal("no #heatmap")
	}
	tbody := findAll(heat, tag("tbody"))[0]
	if rows := findAll(tbody, tag("tr")); len(rows) != len(recs) {
		t.Errorf("%d heatmap rows for %d records", len(rows), len(recs))
	}
	checked := 0
	for _, r := range recs {
		if r.Status == "ok" {
			checked++
		}
	}
	cells := findAll(heat, func(n *html.Node) bool { return n.Data == "td" && hasClass(n, "c") })
	if len(cells) != checked*nRules {
		t.Errorf("%d heatmap cells, want %d", len(cells), checked*nRules)
	}
	if heads := findAll(heat, func(n *html.Node) bool { return n.Data == "th" && hasClass(n, "rule") }); len(heads) != nRules {
		t.Errorf("%d rule headers", len(heads))
	} else if got := attr(heads[0], "title"); !strings.Contains(got, rules.All()[0].ID) || !strings.Contains(got, rules.All()[0].Title.JA) {
		t.Errorf("header tooltip %q", got)
	}

	svg := byID(doc, "gap-chart")
	if svg == nil || svg.Data != "svg" {
		t.Fatal("no inline SVG chart")
	}
	if bars := findAll(svg, tag("rect")); len(bars) != chartTop {
		t.Errorf("%d bars, want %d", len(bars), chartTop)
	}

	if n := len(findAll(doc, func(n *html.Node) bool { return n.Data == "details" && strings.HasPrefix(attr(n, "id"), "c-") })); n != checked {
		t.Errorf("%d findings sections, want %d", n, checked)
	}
	failed := byID(doc, "failed")
	if got := len(findAll(failed, tag("tr"))) - 1; got != len(recs)-checked {
		t.Errorf("%d failed rows, want %d", got, len(recs)-checked)
	}
	if !strings.Contains(text(failed), "HTTP 404") {
		t.Error("failure reason missing")
	}
	summary := text(byID(doc, "summary"))
	for _, want := range []string{"文書数30", "検査済み" + strconv.Itoa(checked), "読み込み失敗" + strconv.Itoa(len(recs)-checked), "平均スコア"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary %q lacks %q", summary, want)
		}
	}
	if !strings.Contains(out, "2026-04-01 12:00:00 UTC") {
		t.Error("GeneratedAt missing")
	}
}

func TestHTMLSelfContainedAndEscaped(t *testing.T) {
	out, doc := parseHTML(t, synthRecords(10), Options{})

	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			switch a.Key {
			case "src", "href", "xlink:href", "action", "formaction", "poster", "srcset", "data", "background":
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if !strings.HasPrefix(v, "#") {
					t.Errorf("<%s %s=%q>: only in-page links are allowed", n.Data, a.Key, a.Val)
				}
			}
		}
		switch n.Data {
		case "link", "img", "iframe", "object", "embed", "base":
			t.Errorf("external-resource element <%s>", n.Data)
		}
	}
	styles := findAll(doc, tag("style"))
	if len(styles) != 1 || strings.Contains(text(styles[0]), "url(") || strings.Contains(text(styles[0]), "@import") {
		t.Error("the style must be one inline block without url() or @import")
	}

	scripts := findAll(doc, tag("script"))
	if len(scripts) != 1 || attr(scripts[0], "src") != "" {
		t.Fatalf("want exactly the one inline script, got %d", len(scripts))
	}
	if strings.Contains(out, malicious) || strings.Contains(out, "alert(1)</script>") {
		t.Error("company name not escaped")
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("escaped company name not shown")
	}
	// The hostile name arrives as text, in the heatmap and its findings.
	if n := strings.Count(text(doc), malicious); n < 3 {
		t.Errorf("hostile name shown as text %d times", n)
	}
	if !strings.Contains(text(doc), `https://evil.example/<img src="https://evil.example/x.png">`) {
		t.Error("evidence with markup not shown as text")
	}

	// The CSP admits exactly the page's script and style.
	var policy string
	for _, m := range findAll(doc, tag("meta")) {
		if attr(m, "http-equiv") == "Content-Security-Policy" {
			policy = attr(m, "content")
		}
	}
	for _, el := range []*html.Node{scripts[0], styles[0]} {
		sum := sha256.Sum256([]byte(text(el)))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(policy, h) {
			t.Errorf("CSP %q lacks the hash of <%s>", policy, el.Data)
		}
	}
	if !strings.Contains(policy, "default-src 'none'") {
		t.Errorf("CSP %q", policy)
	}
}

func TestHTMLDeterministicAndEnglish(t *testing.T) {
	recs := synthRecords(15)
	opt := Options{Lang: "en", Title: "Q2 & Q3 scan", GeneratedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	a, doc := parseHTML(t, recs, opt)
	b, _ := parseHTML(t, recs, opt)
	if a != b {
		t.Error("two renderings differ")
	}
	if h := findAll(doc, tag("html")); attr(h[0], "lang") != "en" {
		t.Errorf("lang %q", attr(h[0], "lang"))
	}
	if got := text(findAll(doc, tag("h1"))[0]); got != "Q2 & Q3 scan" {
		t.Errorf("title %q", got)
	}
	for _, want := range []string{"Most common gaps", "Compliance matrix", rules.All()[0].Title.EN} {
		if !strings.Contains(text(doc), want) {
			t.Errorf("English report lacks %q", want)
		}
	}
}

func TestHTMLEmptyAndAllFailed(t *testing.T) {
	for _, recs := range [][]scan.Record{nil, {{Source: "a.pdf", Status: "error"}}} {
		_, doc := parseHTML(t, recs, Options{})
		if byID(doc, "gap-chart") == nil || byID(doc, "heatmap") == nil {
			t.Error("chart or heatmap missing")
		}
		if len(recs) == 1 && !strings.Contains(text(byID(doc, "failed")), "不明なエラー") {
			t.Error("failure without a reason not labelled")
		}
	}
}

func TestReadJSONL(t *testing.T) {
	recs := synthRecords(8)
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	for i, r := range recs {
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(line)
		if i == 2 {
			buf.WriteString("\n\n") // blank lines are skipped
		}
		if i < len(recs)-1 {
			buf.WriteByte('\n') // and the last line needs no newline
		}
	}
	got, err := ReadJSONL(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(recs) {
		t.Fatalf("%d records, want %d", len(got), len(recs))
	}
	for i := range recs {
		a, _ := json.Marshal(recs[i])
		b, _ := json.Marshal(got[i])
		if !bytes.Equal(a, b) {
			t.Errorf("record %d differs:\n%s\n%s", i, a, b)
		}
	}

	_, err = ReadJSONL(strings.NewReader("{\"source\":\"a\"}\n{\"source\":"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("truncated line: %v", err)
	}
}

func TestWriteFromTestdataShard(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "results.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ReadJSONL(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	dir := filepath.Join(t.TempDir(), "out")
	if err := Write(dir, recs, Options{}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "matrix.csv report.html" {
		t.Errorf("files %v", names)
	}
	page, _ := os.ReadFile(filepath.Join(dir, HTMLFile))
	for _, want := range []string{"株式会社テスト", "事業者の住所", "connection refused"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
}
