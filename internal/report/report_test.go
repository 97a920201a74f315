package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// newDoc builds a document whose normalised text is its original text.
func newDoc(path, text string) *model.Document {
	off := make([]int, len(text)+1)
	for i := range off {
		off[i] = i
	}
	return &model.Document{Path: path, Format: "txt", Orig: text, Text: text, OrigOffset: off}
}

// span returns the span of the first occurrence of s in doc.Text.
func span(t *testing.T, doc *model.Document, s string) model.Span {
	t.Helper()
	i := strings.Index(doc.Text, s)
	if i < 0 {
		t.Fatalf("%q not in document", s)
	}
	return model.Span{Start: i, End: i + len(s)}
}

var (
	ruleOperator = &engine.Rule{
		ID: "appi/operator-name", Severity: engine.Error,
		Article: engine.Text{JA: "法32条1項1号", EN: "Art. 32(1)(i)"},
		Title:   engine.Text{JA: "事業者の名称", EN: "Operator name"},
		Doc:     engine.Text{JA: "事業者の氏名又は名称を記載します。", EN: "State the operator's name."},
		Missing: engine.Text{JA: "事業者の名称がありません", EN: "operator name is missing"},
		Fix:     engine.Text{JA: "【会社名】（以下「当社」）は、", EN: "[Company] (\"we\")"},
	}
	rulePurpose = &engine.Rule{
		ID: "appi/purpose-specific", Severity: engine.Warning,
		Article: engine.Text{JA: "法17条1項", EN: "Art. 17(1)"},
		Title:   engine.Text{JA: "利用目的の特定", EN: "Specific purpose"},
		Doc:     engine.Text{JA: "利用目的をできる限り特定します。", EN: "Specify the purpose as far as possible."},
	}
	ruleMinors = &engine.Rule{
		ID: "appi/minors", Severity: engine.Info, Conditional: true,
		Title: engine.Text{JA: "未成年者", EN: "Minors"},
	}
	allRules = []*engine.Rule{ruleOperator, rulePurpose, ruleMinors}
)

// The first line is CRLF-terminated, the third holds a tab and fullwidth
// letters before the reported span.
const policyText = "# プライバシーポリシー\r\n当社は、氏名及びメールアドレスを取得します。\n\tＡＢＣ株式会社が管理します。\n"

func fixture(t *testing.T) []*engine.Result {
	t.Helper()
	doc := newDoc("/repo/docs/privacy.md", policyText)
	res := &engine.Result{
		Doc: doc,
		Findings: []engine.Finding{
			// Deliberately out of document order: the writers must sort.
			{Rule: rulePurpose, Severity: engine.Warning, Span: span(t, doc, "株式会社"),
				Message: engine.Text{JA: "曖昧な記載です", EN: "vague wording"}, Suggestion: "株式会社ＡＢＣ"},
			{Rule: ruleOperator, Severity: engine.Error, Span: model.Span{}, Missing: true,
				Message: ruleOperator.Missing, Suggestion: ruleOperator.Fix.JA},
			{Rule: rulePurpose, Severity: engine.Warning, Span: span(t, doc, "メールアドレス"),
				Message: engine.Text{JA: "利用目的が特定されていません", EN: "purpose is not specific"}},
			{Rule: ruleMinors, Severity: engine.Info, Span: span(t, doc, "氏名"),
				Message: engine.Text{JA: "年齢の記載を確認してください", EN: "check the age"}},
		},
		Outcomes: []engine.Outcome{
			{Rule: ruleOperator, Status: engine.StatusViolation},
			{Rule: rulePurpose, Status: engine.StatusViolation},
			{Rule: ruleMinors, Status: engine.StatusOK, Evidence: []model.Span{span(t, doc, "当社")}},
		},
	}
	clean := newDoc("/repo/ポリシー 2.txt", "個人情報保護方針\n")
	cleanRes := &engine.Result{Doc: clean, Outcomes: []engine.Outcome{
		{Rule: ruleOperator, Status: engine.StatusOK, Evidence: []model.Span{span(t, clean, "個人情報")}},
		{Rule: rulePurpose, Status: engine.StatusOK},
		{Rule: ruleMinors, Status: engine.StatusNA, Reason: "子どもの情報を扱う記載がない"},
	}}
	return []*engine.Result{res, cleanRes}
}

func options(lang string) Options {
	return Options{Lang: lang, Version: "0.1.0", Rules: allRules, BaseDir: "/repo"}
}

func write(t *testing.T, format string, results []*engine.Result, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, results, opt); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from golden file:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

func TestTextJA(t *testing.T) {
	got := write(t, "text", fixture(t), options("ja"))
	want := strings.Join([]string{
		"docs/privacy.md:1:1: error appi/operator-name [不足] 事業者の名称がありません (法32条1項1号)",
		"  # プライバシーポリシー",
		"  追加する文例: 【会社名】（以下「当社」）は、",
		"",
		"docs/privacy.md:2:5: info appi/minors 年齢の記載を確認してください",
		"  当社は、氏名及びメールアドレスを取得します。",
		"          ^~~~", // 氏名: two wide characters
		"",
		"docs/privacy.md:2:9: warning appi/purpose-specific 利用目的が特定されていません (法17条1項)",
		"  当社は、氏名及びメールアドレスを取得します。",
		"                  ^" + strings.Repeat("~", 13), // 7 wide characters after 8
		"",
		"docs/privacy.md:3:5: warning appi/purpose-specific 曖昧な記載です (法17条1項)",
		"  \tＡＢＣ株式会社が管理します。",
		"  \t      ^~~~~~~~", // tab kept, ＡＢＣ is 6 columns
		"  修正案: 株式会社ＡＢＣ",
		"",
		"4 件の問題 (エラー 1, 警告 2, 情報 1) / 2 ファイル",
		"",
	}, "\n")
	if got != want {
		t.Errorf("text ja:\n%s\nwant:\n%s", got, want)
	}
	golden(t, "text_ja.golden", got)
}

func TestTextEN(t *testing.T) {
	got := write(t, "text", fixture(t), options("en"))
	for _, line := range []string{
		"docs/privacy.md:1:1: error appi/operator-name [missing] operator name is missing (Art. 32(1)(i))",
		"  suggested text: 【会社名】（以下「当社」）は、",
		"docs/privacy.md:2:9: warning appi/purpose-specific purpose is not specific (Art. 17(1))",
		"  suggestion: 株式会社ＡＢＣ",
		"4 problems (1 error, 2 warnings, 1 info) in 2 files",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("text en lacks line %q:\n%s", line, got)
		}
	}
	golden(t, "text_en.golden", got)
}

func TestTextNoProblems(t *testing.T) {
	res := fixture(t)[1:]
	if got, want := write(t, "text", res, options("ja")), "問題は見つかりませんでした (1 ファイル)\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := write(t, "text", res, options("en")), "no problems found (1 file)\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTextColor(t *testing.T) {
	opt := options("en")
	opt.Color = true
	got := write(t, "text", fixture(t), opt)
	for _, seq := range []string{"\x1b[31;1merror\x1b[0;22m", "\x1b[33;1mwarning", "\x1b[36;1minfo"} {
		if !strings.Contains(got, seq) {
			t.Errorf("coloured output lacks %q:\n%q", seq, got)
		}
	}
	if plain := write(t, "text", fixture(t), options("en")); strings.Contains(plain, "\x1b[") {
		t.Errorf("uncoloured output has escape sequences: %q", plain)
	}
}

func TestCaretLine(t *testing.T) {
	doc := newDoc("x", "ａb\tｃ\r\nx")
	for _, tc := range []struct {
		sub, want string
	}{
		{"ａ", "^~"},
		{"b", "  ^"},
		{"ｃ", "  " + " " + "\t^~"},
		{"ｃ\r\nx", "  " + " " + "\t^~"}, // cut at the end of the line
	} {
		s, e := doc.Range(span(t, doc, tc.sub))
		if got := caretLine(doc.LineText(s.Offset), s, e); got != tc.want {
			t.Errorf("caret under %q = %q, want %q", tc.sub, got, tc.want)
		}
	}
}

func TestJSON(t *testing.T) {
	got := write(t, "json", fixture(t), options("ja"))
	golden(t, "report.json.golden", got)

	var rep jsonReport
	if err := json.Unmarshal([]byte(got), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Tool != "appilint" || rep.Version != "0.1.0" {
		t.Errorf("tool/version = %q/%q", rep.Tool, rep.Version)
	}
	if want := (jsonSummary{Files: 2, Errors: 1, Warnings: 2, Info: 1}); rep.Summary != want {
		t.Errorf("summary = %+v, want %+v", rep.Summary, want)
	}
	if len(rep.Files) != 2 || rep.Files[0].Path != "docs/privacy.md" || rep.Files[1].Path != "ポリシー 2.txt" {
		t.Fatalf("files = %+v", rep.Files)
	}
	f := rep.Files[0]
	wantFindings := []jsonFinding{
		{Rule: "appi/operator-name", Severity: "error", Message: "事業者の名称がありません", Article: "法32条1項1号",
			Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Missing: true, Suggestion: ruleOperator.Fix.JA},
		{Rule: "appi/minors", Severity: "info", Message: "年齢の記載を確認してください",
			Line: 2, Column: 5, EndLine: 2, EndColumn: 7},
		{Rule: "appi/purpose-specific", Severity: "warning", Message: "利用目的が特定されていません", Article: "法17条1項",
			Line: 2, Column: 9, EndLine: 2, EndColumn: 16},
		{Rule: "appi/purpose-specific", Severity: "warning", Message: "曖昧な記載です", Article: "法17条1項",
			Line: 3, Column: 5, EndLine: 3, EndColumn: 9, Suggestion: "株式会社ＡＢＣ"},
	}
	if len(f.Findings) != len(wantFindings) {
		t.Fatalf("findings = %+v", f.Findings)
	}
	for i, w := range wantFindings {
		if f.Findings[i] != w {
			t.Errorf("finding %d = %+v, want %+v", i, f.Findings[i], w)
		}
	}
	if len(f.Rules) != 3 || f.Rules[2].Status != "ok" || len(f.Rules[2].Evidence) != 1 {
		t.Fatalf("rules = %+v", f.Rules)
	}
	if ev := f.Rules[2].Evidence[0]; ev != (jsonEvidence{Line: 2, Column: 1, EndLine: 2, EndColumn: 3, Text: "当社"}) {
		t.Errorf("evidence = %+v", ev)
	}
	if r := rep.Files[1].Rules[2]; r.Status != "na" || r.Reason == "" || r.Evidence != nil {
		t.Errorf("na outcome = %+v", r)
	}
	if rep.Files[1].Findings == nil {
		t.Error("findings of a clean file decoded as null, want []")
	}
	if !strings.Contains(got, "\n  \"tool\": \"appilint\",\n") {
		t.Error("JSON is not indented by two spaces")
	}
}

func TestSARIF(t *testing.T) {
	got := write(t, "sarif", fixture(t), options("en"))
	golden(t, "report.sarif.golden", got)

	var log map[string]any
	if err := json.Unmarshal([]byte(got), &log); err != nil {
		t.Fatal(err)
	}
	if log["version"] != "2.1.0" || log["$schema"] != sarifSchema {
		t.Errorf("version/schema = %v/%v", log["version"], log["$schema"])
	}
	run := log["runs"].([]any)[0].(map[string]any)
	if run["columnKind"] != "unicodeCodePoints" {
		t.Errorf("columnKind = %v", run["columnKind"])
	}
	base := run["originalUriBaseIds"].(map[string]any)["%SRCROOT%"].(map[string]any)["uri"].(string)
	if !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/repo/") {
		t.Errorf("%%SRCROOT%% = %q", base)
	}
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	rules := driver["rules"].([]any)
	if len(rules) != len(allRules) {
		t.Fatalf("driver has %d rules, want %d", len(rules), len(allRules))
	}
	r0 := rules[0].(map[string]any)
	if r0["id"] != "appi/operator-name" || r0["name"] != "OperatorName" ||
		r0["helpUri"] != "https://github.com/appilint/appilint/blob/main/docs/rules/appi-operator-name.md" ||
		r0["defaultConfiguration"].(map[string]any)["level"] != "error" {
		t.Errorf("rule 0 = %v", r0)
	}
	if lvl := rules[2].(map[string]any)["defaultConfiguration"].(map[string]any)["level"]; lvl != "note" {
		t.Errorf("info rule level = %v, want note", lvl)
	}

	arts := run["artifacts"].([]any)
	wantURIs := []string{"docs/privacy.md", "%E3%83%9D%E3%83%AA%E3%82%B7%E3%83%BC%202.txt"}
	for i, a := range arts {
		loc := a.(map[string]any)["location"].(map[string]any)
		if loc["uri"] != wantURIs[i] || loc["uriBaseId"] != "%SRCROOT%" {
			t.Errorf("artifact %d = %v", i, loc)
		}
	}

	results := run["results"].([]any)
	type want struct {
		rule, level    string
		sl, sc, el, ec int
		missing        bool
	}
	wants := []want{
		{"appi/operator-name", "error", 1, 1, 1, 1, true},
		{"appi/minors", "note", 2, 5, 2, 7, false},
		{"appi/purpose-specific", "warning", 2, 9, 2, 16, false},
		{"appi/purpose-specific", "warning", 3, 5, 3, 9, false},
	}
	if len(results) != len(wants) {
		t.Fatalf("%d results, want %d", len(results), len(wants))
	}
	for i, w := range wants {
		r := results[i].(map[string]any)
		idx := int(r["ruleIndex"].(float64))
		if r["ruleId"] != w.rule || rules[idx].(map[string]any)["id"] != w.rule || r["level"] != w.level {
			t.Errorf("result %d: ruleId %v, ruleIndex %d, level %v; want %s, %s", i, r["ruleId"], idx, r["level"], w.rule, w.level)
		}
		phys := r["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
		reg := phys["region"].(map[string]any)
		if got := [4]float64{reg["startLine"].(float64), reg["startColumn"].(float64), reg["endLine"].(float64), reg["endColumn"].(float64)}; got != [4]float64{float64(w.sl), float64(w.sc), float64(w.el), float64(w.ec)} {
			t.Errorf("result %d region = %v", i, got)
		}
		art := phys["artifactLocation"].(map[string]any)
		if art["index"] != 0.0 || art["uri"] != "docs/privacy.md" || art["uriBaseId"] != "%SRCROOT%" {
			t.Errorf("result %d artifactLocation = %v", i, art)
		}
		props, _ := r["properties"].(map[string]any)
		if m, _ := props["missing"].(bool); m != w.missing {
			t.Errorf("result %d missing = %v, want %v", i, m, w.missing)
		}
	}
}

func TestSARIFEmpty(t *testing.T) {
	for _, results := range [][]*engine.Result{nil, fixture(t)[1:]} {
		got := write(t, "sarif", results, Options{})
		if !strings.Contains(got, `"results": []`) {
			t.Errorf("empty results not written as []:\n%s", got)
		}
		if strings.Contains(got, "null") {
			t.Errorf("SARIF contains null:\n%s", got)
		}
	}
}

// A finding whose rule the caller did not list still gets a valid ruleIndex.
func TestSARIFUnlistedRule(t *testing.T) {
	opt := options("ja")
	opt.Rules = []*engine.Rule{ruleMinors}
	var log sarifLog
	if err := json.Unmarshal([]byte(write(t, "sarif", fixture(t), opt)), &log); err != nil {
		t.Fatal(err)
	}
	rules := log.Runs[0].Tool.Driver.Rules
	for _, r := range log.Runs[0].Results {
		if r.RuleIndex >= len(rules) || rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d", r.RuleID, r.RuleIndex)
		}
	}
	if rules[0].ID != "appi/minors" {
		t.Errorf("listed rules must come first, got %s", rules[0].ID)
	}
}

func TestPaths(t *testing.T) {
	for _, tc := range []struct {
		base, path, display string
		inBase              bool
		uri, uriBase        string
	}{
		{"", "docs/a.md", "docs/a.md", false, "docs/a.md", "%SRCROOT%"},
		{"", "<stdin>", "<stdin>", false, "stdin", ""},
		{"", "-", "<stdin>", false, "stdin", ""},
		{"/repo", "/repo/a b/c#.md", "a b/c#.md", true, "a%20b/c%23.md", "%SRCROOT%"},
		{"/repo", "/elsewhere/a.md", "/elsewhere/a.md", false, "file:///elsewhere/a.md", ""},
		{"/repo", "/repo/x:y.md", "x:y.md", true, "./x:y.md", "%SRCROOT%"},
	} {
		res := []*engine.Result{{Doc: newDoc(tc.path, "")}}
		f := prepare(res, Options{BaseDir: tc.base})[0]
		if f.path != tc.display || f.inBase != tc.inBase {
			t.Errorf("displayPath(%q, %q) = %q, %v; want %q, %v", tc.base, tc.path, f.path, f.inBase, tc.display, tc.inBase)
		}
		loc := artifactLocation(tc.base, f)
		if loc.URI != tc.uri || loc.URIBaseID != tc.uriBase {
			t.Errorf("artifactLocation(%q, %q) = %q %q; want %q %q", tc.base, tc.path, loc.URI, loc.URIBaseID, tc.uri, tc.uriBase)
		}
	}
}

func TestCamelName(t *testing.T) {
	for id, want := range map[string]string{
		"appi/operator-name": "OperatorName",
		"appi/third_party":   "ThirdParty",
		"plain":              "Plain",
	} {
		if got := camelName(id); got != want {
			t.Errorf("camelName(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "xml", nil, Options{})
	if err == nil || !strings.Contains(err.Error(), "text, json, sarif, github, checkstyle, junit, rdjsonl") {
		t.Errorf("err = %v", err)
	}
	if got := strings.Join(Formats(), ","); got != "text,json,sarif,github,checkstyle,junit,rdjsonl" {
		t.Errorf("Formats() = %s", got)
	}
}
