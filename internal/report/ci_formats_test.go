package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
)

// Characters every format must carry through: XML and JSON specials, the
// GitHub command separators, a newline and a carriage return, a character
// XML 1.0 cannot hold, and a 4-byte character.
var (
	ruleOdd = &engine.Rule{
		ID: "x/odd:rule,1", Severity: engine.Warning,
		Article: engine.Text{JA: `第1条 "A" & <B>`},
		Title:   engine.Text{JA: "変な<規則>"},
	}
	oddMessage = "「<氏名>」& \"住所\": 100%, 'x'\n2行目\r\x01𐐀"
)

// oddResult is a document at a path with spaces, Japanese, a comma, a
// colon and XML specials, with one finding of ruleOdd spanning two lines.
func oddResult(t *testing.T) *engine.Result {
	t.Helper()
	doc := newDoc("/repo/規程 集/a,b:c&<d>.md", "一行目の文\n二行目の文\n")
	return &engine.Result{Doc: doc,
		Findings: []engine.Finding{{Rule: ruleOdd, Severity: engine.Warning, Span: span(t, doc, "文\n二"),
			Message: engine.Text{JA: oddMessage}}},
		Outcomes: []engine.Outcome{{Rule: ruleOdd, Status: engine.StatusViolation}},
	}
}

// ---------------------------------------------------------------------------
// github

func TestGitHub(t *testing.T) {
	got := write(t, "github", fixture(t), options("ja"))
	want := strings.Join([]string{
		"::error file=docs/privacy.md,line=1,col=1,endLine=1,endColumn=1,title=appi/operator-name::事業者の名称がありません (法32条1項1号)",
		"::notice file=docs/privacy.md,line=2,col=5,endLine=2,endColumn=7,title=appi/minors::年齢の記載を確認してください",
		"::warning file=docs/privacy.md,line=2,col=9,endLine=2,endColumn=16,title=appi/purpose-specific::利用目的が特定されていません (法17条1項)",
		"::warning file=docs/privacy.md,line=3,col=5,endLine=3,endColumn=9,title=appi/purpose-specific::曖昧な記載です (法17条1項)",
		"4 件の問題 (エラー 1, 警告 2, 情報 1) / 2 ファイル",
		"",
	}, "\n")
	if got != want {
		t.Errorf("github:\n%s\nwant:\n%s", got, want)
	}
	golden(t, "report.github.golden", got)

	if got, want := write(t, "github", fixture(t)[1:], options("en")), "no problems found (1 file)\n"; got != want {
		t.Errorf("no findings: got %q, want %q", got, want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	got := write(t, "github", []*engine.Result{oddResult(t)}, options("ja"))
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one command and the summary, got %q", got)
	}
	// A span over two lines has no columns; the message keeps its colons
	// and commas (data is split at the first "::" only).
	want := "::warning file=規程 集/a%2Cb%3Ac&<d>.md,line=1,endLine=2,title=x/odd%3Arule%2C1::" +
		"「<氏名>」& \"住所\": 100%25, 'x'%0A2行目%0D\x01𐐀 (第1条 \"A\" & <B>)"
	if lines[0] != want {
		t.Errorf("command:\n%q\nwant:\n%q", lines[0], want)
	}

	// Read it back the way the runner does.
	cmd, props, data := parseGitHubCommand(t, lines[0])
	if cmd != "warning" || props["file"] != "規程 集/a,b:c&<d>.md" || props["title"] != "x/odd:rule,1" ||
		data != oddMessage+" (第1条 \"A\" & <B>)" {
		t.Errorf("parsed back: %s %q %q", cmd, props, data)
	}
}

func TestGitHubPositions(t *testing.T) {
	doc := newDoc("<stdin>", "# 見出し\n本文です。\n")
	res := &engine.Result{Doc: doc, Findings: []engine.Finding{
		// A Missing finding anchored at a two-line section points at the
		// anchor's first line and column.
		{Rule: ruleOperator, Severity: engine.Error, Missing: true, Span: span(t, doc, "見出し\n本文")},
		{Rule: ruleMinors, Severity: engine.Info, Span: span(t, doc, "本文")},
	}}
	got := write(t, "github", []*engine.Result{res}, options("en"))
	for _, want := range []string{
		"::error line=1,col=3,endLine=1,endColumn=3,title=appi/operator-name::operator name is missing (Art. 32(1)(i))\n",
		"::notice line=2,col=1,endLine=2,endColumn=3,title=appi/minors::Minors\n", // stdin: no file=; title as fallback message
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// parseGitHubCommand splits "::name k=v,k=v::data" and unescapes it like
// the Actions runner (ActionCommand.TryParseV2).
func parseGitHubCommand(t *testing.T, line string) (name string, props map[string]string, data string) {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("not a command: %q", line)
	}
	head, data, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("no data separator: %q", line)
	}
	name, list, _ := strings.Cut(head, " ")
	unescape := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	props = map[string]string{}
	for kv := range strings.SplitSeq(list, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			t.Fatalf("property without '=': %q", kv)
		}
		props[k] = unescape.Replace(v)
	}
	return name, props, unescape.Replace(data)
}

// ---------------------------------------------------------------------------
// checkstyle

// csReport is the checkstyle format as its consumers parse it.
type csReport struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string    `xml:"name,attr"`
		Errors []csError `xml:"error"`
	} `xml:"file"`
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func TestCheckstyle(t *testing.T) {
	got := write(t, "checkstyle", fixture(t), options("ja"))
	golden(t, "report.checkstyle.golden", got)
	wellFormed(t, got)

	var rep csReport
	if err := xml.Unmarshal([]byte(got), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Version != "4.3" || len(rep.Files) != 2 {
		t.Fatalf("version %q, %d files", rep.Version, len(rep.Files))
	}
	if rep.Files[0].Name != "docs/privacy.md" || rep.Files[1].Name != "ポリシー 2.txt" {
		t.Errorf("file names = %q, %q", rep.Files[0].Name, rep.Files[1].Name)
	}
	want := []csError{
		{1, 1, "error", "事業者の名称がありません (法32条1項1号)", "appilint.appi/operator-name"},
		{2, 5, "info", "年齢の記載を確認してください", "appilint.appi/minors"},
		{2, 9, "warning", "利用目的が特定されていません (法17条1項)", "appilint.appi/purpose-specific"},
		{3, 5, "warning", "曖昧な記載です (法17条1項)", "appilint.appi/purpose-specific"},
	}
	if !slices.Equal(rep.Files[0].Errors, want) {
		t.Errorf("errors:\n%+v\nwant:\n%+v", rep.Files[0].Errors, want)
	}
	if n := len(rep.Files[1].Errors); n != 0 {
		t.Errorf("clean file has %d errors", n)
	}

	if got := write(t, "checkstyle", nil, options("ja")); got != xml.Header+"<checkstyle version=\"4.3\"></checkstyle>\n" {
		t.Errorf("no files: %q", got)
	}
}

func TestCheckstyleEscaping(t *testing.T) {
	got := write(t, "checkstyle", []*engine.Result{oddResult(t)}, options("ja"))
	wellFormed(t, got)
	var rep csReport
	if err := xml.Unmarshal([]byte(got), &rep); err != nil {
		t.Fatal(err)
	}
	e := rep.Files[0].Errors[0]
	// \r survives as &#xD;; \x01 cannot be in XML 1.0 and becomes U+FFFD.
	wantMsg := strings.Replace(oddMessage, "\x01", "\uFFFD", 1) + ` (第1条 "A" & <B>)`
	if rep.Files[0].Name != "規程 集/a,b:c&<d>.md" || e.Message != wantMsg || e.Source != "appilint.x/odd:rule,1" {
		t.Errorf("round trip: name %q, error %+v", rep.Files[0].Name, e)
	}
}

// wellFormed reads every token with a strict decoder, which rejects
// unescaped specials, unbalanced tags and characters outside XML 1.0.
func wellFormed(t *testing.T, doc string) {
	t.Helper()
	if !strings.HasPrefix(doc, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration: %.60q", doc)
	}
	d := xml.NewDecoder(strings.NewReader(doc))
	d.Strict = true
	roots := 0
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
				t.Errorf("text outside the root element: %q", tok)
			}
		}
	}
	if roots != 1 {
		t.Errorf("%d root elements, want 1", roots)
	}
}

// ---------------------------------------------------------------------------
// junit

// The JUnit shape GitLab and Jenkins read.
type juSuites struct {
	XMLName  xml.Name  `xml:"testsuites"`
	Name     string    `xml:"name,attr"`
	Tests    int       `xml:"tests,attr"`
	Failures int       `xml:"failures,attr"`
	Errors   int       `xml:"errors,attr"`
	Skipped  int       `xml:"skipped,attr"`
	Suites   []juSuite `xml:"testsuite"`
}

type juSuite struct {
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Cases    []juCase `xml:"testcase"`
}

type juCase struct {
	Name      string `xml:"name,attr"`
	Classname string `xml:"classname,attr"`
	File      string `xml:"file,attr"`
	Failure   *struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	} `xml:"failure"`
	Skipped *struct {
		Message string `xml:"message,attr"`
	} `xml:"skipped"`
	Error *struct{} `xml:"error"`
}

func parseJUnit(t *testing.T, out string) juSuites {
	t.Helper()
	wellFormed(t, out)
	var s juSuites
	if err := xml.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	// The counts consumers show must agree with the test cases listed.
	var tests, failures, skipped int
	for _, su := range s.Suites {
		var f, sk int
		for _, c := range su.Cases {
			if c.Error != nil {
				t.Errorf("%s/%s: <error> is for crashes, not findings", su.Name, c.Name)
			}
			if c.Failure != nil {
				f++
			}
			if c.Skipped != nil {
				sk++
			}
			if c.Failure != nil && c.Skipped != nil {
				t.Errorf("%s/%s both failed and skipped", su.Name, c.Name)
			}
		}
		if su.Tests != len(su.Cases) || su.Failures != f || su.Skipped != sk || su.Errors != 0 {
			t.Errorf("suite %s counts tests=%d failures=%d skipped=%d errors=%d; has %d cases, %d failures, %d skipped",
				su.Name, su.Tests, su.Failures, su.Skipped, su.Errors, len(su.Cases), f, sk)
		}
		tests, failures, skipped = tests+len(su.Cases), failures+f, skipped+sk
	}
	if s.Name != "appilint" || s.Tests != tests || s.Failures != failures || s.Skipped != skipped || s.Errors != 0 {
		t.Errorf("testsuites %+v; suites add up to tests=%d failures=%d skipped=%d", s, tests, failures, skipped)
	}
	return s
}

func TestJUnit(t *testing.T) {
	got := write(t, "junit", fixture(t), options("ja"))
	golden(t, "report.junit.golden", got)
	s := parseJUnit(t, got)
	if s.Tests != 6 || s.Failures != 3 || s.Skipped != 1 || len(s.Suites) != 2 {
		t.Fatalf("totals %+v", s)
	}

	su := s.Suites[0]
	if su.Name != "docs/privacy.md" {
		t.Errorf("suite name %q", su.Name)
	}
	var names []string
	for _, c := range su.Cases {
		names = append(names, c.Name)
		if c.Classname != "docs/privacy.md" || c.File != "docs/privacy.md" {
			t.Errorf("%s: classname %q file %q", c.Name, c.Classname, c.File)
		}
	}
	if want := []string{"appi/operator-name", "appi/purpose-specific", "appi/minors"}; !slices.Equal(names, want) {
		t.Errorf("test cases %v, want the outcome order %v", names, want)
	}
	purpose := su.Cases[1].Failure
	if purpose == nil || purpose.Type != "warning" || purpose.Message != "利用目的の特定 (法17条1項)" ||
		purpose.Text != "docs/privacy.md:2:9: 利用目的が特定されていません (法17条1項)\n"+
			"docs/privacy.md:3:5: 曖昧な記載です (法17条1項)\n" {
		t.Errorf("purpose failure = %+v", purpose)
	}
	if f := su.Cases[0].Failure; f == nil || f.Type != "error" {
		t.Errorf("operator failure = %+v", f)
	}
	if f := su.Cases[2].Failure; f == nil || f.Type != "info" || f.Message != "未成年者" {
		t.Errorf("minors failure = %+v", f) // no article: the title alone
	}

	clean := s.Suites[1]
	if clean.Failures != 0 || clean.Cases[0].Failure != nil || clean.Cases[0].Skipped != nil {
		t.Errorf("ok rule is not a passing test case: %+v", clean.Cases[0])
	}
	if sk := clean.Cases[2].Skipped; sk == nil || sk.Message != "子どもの情報を扱う記載がない" {
		t.Errorf("na rule = %+v, want skipped with the reason", clean.Cases[2])
	}
	// Newlines of the failure text are written as newlines, not &#xA;.
	if !strings.Contains(got, "(法17条1項)\ndocs/privacy.md:3:5:") {
		t.Errorf("failure text is not one finding per line:\n%s", got)
	}
}

// Findings decide over outcomes: a violation whose findings were all
// suppressed is skipped, and a finding of a rule without an outcome (the
// CLI's unused-suppression rule) still fails.
func TestJUnitFindingsDecide(t *testing.T) {
	unused := &engine.Rule{ID: "appilint/unused-suppression", Severity: engine.Warning}
	doc := newDoc("<stdin>", "本文\n")
	res := &engine.Result{Doc: doc,
		Findings: []engine.Finding{{Rule: unused, Severity: engine.Warning, Span: span(t, doc, "本文"),
			Message: engine.Text{JA: "未使用", EN: "unused"}}},
		Outcomes: []engine.Outcome{
			{Rule: ruleOperator, Status: engine.StatusViolation},
			{Rule: rulePurpose, Status: engine.StatusOK},
			{Rule: rulePurpose, Status: engine.StatusOK}, // a duplicate outcome is one test case
		},
	}
	s := parseJUnit(t, write(t, "junit", []*engine.Result{res, oddResult(t)}, options("en")))
	su := s.Suites[0]
	if su.Name != "<stdin>" || len(su.Cases) != 3 {
		t.Fatalf("suite %+v", su)
	}
	if c := su.Cases[0]; c.Failure != nil || c.Skipped == nil || c.Skipped.Message != junitAccepted["en"] {
		t.Errorf("suppressed violation = %+v", c)
	}
	if c := su.Cases[2]; c.Name != unused.ID || c.Failure == nil || c.Failure.Message != "unused" ||
		c.Failure.Text != "<stdin>:1:1: unused\n" || c.File != "" {
		t.Errorf("finding without outcome = %+v", c)
	}

	odd := s.Suites[1]
	if odd.Name != "規程 集/a,b:c&<d>.md" || odd.Cases[0].Failure == nil {
		t.Fatalf("odd suite = %+v", odd)
	}
	f := odd.Cases[0].Failure
	wantText := "規程 集/a,b:c&<d>.md:1:5: " + strings.Replace(oddMessage, "\x01", "\uFFFD", 1) + ` (第1条 "A" & <B>)` + "\n"
	// XML parsers normalise a literal \r\n or lone \r in text to \n;
	// encoding/xml escapes \r as &#xD; so that it survives.
	if f.Message != `変な<規則> (第1条 "A" & <B>)` || f.Text != wantText {
		t.Errorf("odd failure:\n%q\n%q\nwant:\n%q", f.Message, f.Text, wantText)
	}
}

func TestXMLText(t *testing.T) {
	for in, want := range map[string]string{
		"a\nb":      "a\nb",
		"<&>\"'":    "&lt;&amp;&gt;&#34;&#39;",
		"&#xA;\n":   "&amp;#xA;\n",
		"\r\t\x01x": "&#xD;&#x9;\uFFFDx",
	} {
		if got := xmlText(in); got != want {
			t.Errorf("xmlText(%q) = %q, want %q", in, got, want)
		}
	}
}

// ---------------------------------------------------------------------------
// rdjsonl

// rdDiag mirrors reviewdog.rdf.Diagnostic; decoding with
// DisallowUnknownFields catches misspelt fields.
type rdDiag struct {
	Message  string `json:"message"`
	Location struct {
		Path  string `json:"path"`
		Range struct {
			Start struct{ Line, Column int } `json:"start"`
			End   struct{ Line, Column int } `json:"end"`
		} `json:"range"`
	} `json:"location"`
	Severity string `json:"severity"`
	Source   struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"source"`
	Code struct {
		Value string `json:"value"`
		URL   string `json:"url"`
	} `json:"code"`
	Suggestions    []json.RawMessage `json:"suggestions"`
	OriginalOutput string            `json:"original_output"`
}

func parseRDJSONL(t *testing.T, out string) []rdDiag {
	t.Helper()
	var diags []rdDiag
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var d rdDiag
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("line %d: %v: %s", len(diags)+1, err, sc.Text())
		}
		if dec.More() {
			t.Fatalf("line %d holds more than one value", len(diags)+1)
		}
		diags = append(diags, d)
	}
	if out != "" && !strings.HasSuffix(out, "}\n") {
		t.Errorf("output does not end with a complete line: %q", out)
	}
	return diags
}

func TestRDJSONL(t *testing.T) {
	got := write(t, "rdjsonl", fixture(t), options("ja"))
	golden(t, "report.rdjsonl.golden", got)
	diags := parseRDJSONL(t, got)
	type want struct {
		msg, sev, code string
		sl, sc, el, ec int // UTF-8 byte columns, end exclusive
	}
	wants := []want{
		// Missing: a point at the anchor.
		{"事業者の名称がありません (法32条1項1号)", "ERROR", "appi/operator-name", 1, 1, 1, 1},
		// 当社は、 is 4×3 bytes, 氏名 2×3.
		{"年齢の記載を確認してください", "INFO", "appi/minors", 2, 13, 2, 19},
		{"利用目的が特定されていません (法17条1項)", "WARNING", "appi/purpose-specific", 2, 25, 2, 46},
		// A tab (1 byte) and ＡＢＣ (3×3) before 株式会社 (4×3).
		{"曖昧な記載です (法17条1項)", "WARNING", "appi/purpose-specific", 3, 11, 3, 23},
	}
	if len(diags) != len(wants) {
		t.Fatalf("%d diagnostics, want %d", len(diags), len(wants))
	}
	for i, w := range wants {
		d := diags[i]
		r := d.Location.Range
		if d.Message != w.msg || d.Severity != w.sev || d.Code.Value != w.code || d.Location.Path != "docs/privacy.md" ||
			[4]int{r.Start.Line, r.Start.Column, r.End.Line, r.End.Column} != [4]int{w.sl, w.sc, w.el, w.ec} {
			t.Errorf("diagnostic %d = %+v, want %+v", i, d, w)
		}
		if d.Source.Name != "appilint" || d.Source.URL != toolURI || d.Code.URL != docURL(w.code) {
			t.Errorf("diagnostic %d source/code = %+v %+v", i, d.Source, d.Code)
		}
		if d.Suggestions != nil {
			t.Errorf("diagnostic %d has suggestions", i)
		}
	}
	if strings.Contains(got, "suggestions") {
		t.Error("suggestions written although none is an exact edit")
	}

	// The byte range selects exactly the span's text in the line.
	lines := strings.Split(policyText, "\n")
	for i, sub := range map[int]string{1: "氏名", 2: "メールアドレス", 3: "株式会社"} {
		r := diags[i].Location.Range
		line := strings.TrimSuffix(lines[r.Start.Line-1], "\r")
		if got := line[r.Start.Column-1 : r.End.Column-1]; got != sub {
			t.Errorf("diagnostic %d selects %q, want %q", i, got, sub)
		}
	}

	if got := write(t, "rdjsonl", fixture(t)[1:], options("ja")); got != "" {
		t.Errorf("no findings: %q, want nothing", got)
	}
}

func TestRDJSONLEscaping(t *testing.T) {
	diags := parseRDJSONL(t, write(t, "rdjsonl", []*engine.Result{oddResult(t)}, options("ja")))
	if len(diags) != 1 {
		t.Fatalf("%d diagnostics", len(diags))
	}
	d := diags[0]
	r := d.Location.Range
	// 一行目の is 4×3 bytes; the span ends after 二 on line 2.
	if d.Message != oddMessage+` (第1条 "A" & <B>)` || d.Location.Path != "規程 集/a,b:c&<d>.md" ||
		[4]int{r.Start.Line, r.Start.Column, r.End.Line, r.End.Column} != [4]int{1, 13, 2, 4} {
		t.Errorf("diagnostic = %+v", d)
	}
}

func TestByteColumn(t *testing.T) {
	// reviewdog's own example: in "a𐐀b" the column of b is 6.
	doc := newDoc("x", "a𐐀b\r\nｃd")
	for _, tc := range []struct {
		sp             model.Span
		startCol, endL int
		endCol         int
	}{
		{span(t, doc, "b"), 6, 1, 7},
		{span(t, doc, "𐐀"), 2, 1, 6},
		{span(t, doc, "b\r"), 6, 1, 8},    // ends inside CRLF: counted as bytes of the line
		{span(t, doc, "b\r\nｃ"), 6, 2, 4}, // ｃ is 3 bytes
		{model.Span{Start: len(doc.Text), End: len(doc.Text)}, 5, 2, 5},
	} {
		s, e := doc.Range(tc.sp)
		gs, ge := rdPositionOf(doc, s), rdPositionOf(doc, e)
		if gs.Column != tc.startCol || ge.Line != tc.endL || ge.Column != tc.endCol {
			t.Errorf("span %q: start col %d, end %d:%d; want %d, %d:%d",
				doc.Slice(tc.sp), gs.Column, ge.Line, ge.Column, tc.startCol, tc.endL, tc.endCol)
		}
		// The byte column is the offset from the start of the line.
		if want := s.Offset - strings.LastIndexAny(doc.Orig[:s.Offset], "\n"); gs.Column != want {
			t.Errorf("span %q: start byte column %d, offset says %d", doc.Slice(tc.sp), gs.Column, want)
		}
	}
}

// ---------------------------------------------------------------------------
// all CI formats

// Files stay in the given order, findings in document order, and the
// output is identical from run to run.
func TestCIFormatsDeterministic(t *testing.T) {
	for _, format := range []string{"github", "checkstyle", "junit", "rdjsonl"} {
		res := fixture(t)
		slices.Reverse(res)
		first := write(t, format, res, options("ja"))
		for range 3 {
			res := fixture(t)
			slices.Reverse(res)
			if again := write(t, format, res, options("ja")); again != first {
				t.Errorf("%s differs between runs", format)
			}
		}
		if format == "checkstyle" || format == "junit" {
			if a, b := strings.Index(first, "ポリシー 2.txt"), strings.Index(first, "docs/privacy.md"); a < 0 || b < 0 || a > b {
				t.Errorf("%s: files not in the given order", format)
			}
		}
		if format == "github" || format == "rdjsonl" {
			if a, b := strings.Index(first, "appi/minors"), strings.Index(first, "曖昧な記載"); a < 0 || b < 0 || a > b {
				t.Errorf("%s: findings not in document order", format)
			}
		}
	}
}
