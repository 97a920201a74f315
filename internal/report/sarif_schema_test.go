package report

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
)

const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

// compiledSARIFSchema compiles the committed SARIF 2.1.0 schema once.
// Formats (uri, uri-reference, …) are asserted too: the 2020-12 draft the
// schema declares treats them as annotations unless asked.
var compiledSARIFSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("sarif-schema-2.1.0.json")
})

func validateSARIF(t *testing.T, out string) error {
	t.Helper()
	sch, err := compiledSARIFSchema()
	if err != nil {
		t.Fatalf("compiling %s: %v", sarifSchemaFile, err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v\n%s", err, out)
	}
	return sch.Validate(inst)
}

func TestSARIFSchema(t *testing.T) {
	stdin := newDoc("<stdin>", "当社は個人情報を取得します。\n")
	stdinRes := &engine.Result{Doc: stdin,
		Findings: []engine.Finding{{Rule: rulePurpose, Severity: engine.Warning, Span: span(t, stdin, "個人情報"),
			Message: engine.Text{JA: "目的がありません"}}},
		Outcomes: []engine.Outcome{{Rule: rulePurpose, Status: engine.StatusViolation}},
	}
	// Spaces, Japanese and URI-reserved characters, inside and outside the
	// base directory, and relative without one.
	odd := func(p string) *engine.Result {
		d := newDoc(p, "# 方針\n個人情報\n")
		return &engine.Result{Doc: d, Findings: []engine.Finding{
			{Rule: ruleOperator, Severity: engine.Error, Missing: true, Span: span(t, d, "# 方針")},
			{Rule: ruleMinors, Severity: engine.Info, Span: span(t, d, "方針\n個人"), Message: engine.Text{JA: "複数行"}},
		}}
	}
	bare := &engine.Rule{ID: "x/bare"} // no texts: every optional description left out
	bareDoc := newDoc("bare.txt", "x")
	bareRes := &engine.Result{Doc: bareDoc, Findings: []engine.Finding{{Rule: bare, Span: model.Span{Start: 0, End: 1}}, {Span: model.Span{}}}}

	for _, tc := range []struct {
		name    string
		results []*engine.Result
		opt     Options
	}{
		{"all severities ja", fixture(t), options("ja")},
		{"all severities en", fixture(t), options("en")},
		{"no findings", fixture(t)[1:], options("ja")},
		{"no files", nil, options("en")},
		{"zero options", fixture(t), Options{}},
		{"stdin", []*engine.Result{stdinRes}, options("ja")},
		{"odd paths in base", []*engine.Result{odd("/repo/規程 集/プライバシー ポリシー#1.md")}, options("ja")},
		{"odd paths outside base", []*engine.Result{odd("/他の 場所/ポリシー 100%.md")}, options("ja")},
		{"odd relative path, no base", []*engine.Result{odd("規程 集/a:b.md")}, Options{Rules: allRules}},
		{"unlisted and bare rules", []*engine.Result{bareRes}, Options{Rules: []*engine.Rule{ruleMinors}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := write(t, "sarif", tc.results, tc.opt)
			if err := validateSARIF(t, out); err != nil {
				t.Errorf("SARIF does not validate against %s:\n%v\n%s", sarifSchemaFile, err, out)
			}
		})
	}
}

// The validator must reject what the schema forbids, or the test above
// proves nothing.
func TestSARIFSchemaRejects(t *testing.T) {
	good := write(t, "sarif", fixture(t), options("en"))
	for name, bad := range map[string]string{
		"unknown level":    strings.Replace(good, `"level": "warning"`, `"level": "fatal"`, 1),
		"wrong version":    strings.Replace(good, `"version": "2.1.0"`, `"version": "2.0.0"`, 1),
		"zero start line":  strings.Replace(good, `"startLine": 1`, `"startLine": 0`, 1),
		"unknown property": strings.Replace(good, `"columnKind"`, `"columnKinds"`, 1),
		"relative helpUri": strings.Replace(good, `"helpUri": "https://`, `"helpUri": "//`, 1),
	} {
		if bad == good {
			t.Fatalf("%s: replacement did not apply", name)
		}
		if err := validateSARIF(t, bad); err == nil {
			t.Errorf("%s: schema accepted invalid SARIF", name)
		}
	}
}
