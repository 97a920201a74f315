package report

import (
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/engine"
)

// The subset of SARIF 2.1.0 that appilint produces. Field names and nesting
// follow https://docs.oasis-open.org/sarif/sarif/v2.1.0/ .

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	toolURI      = "https://github.com/appilint/appilint"
	srcRoot      = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Language           string                      `json:"language"`
	ColumnKind         string                      `json:"columnKind"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Artifacts          []sarifArtifact             `json:"artifacts"`
	Results            []sarifResult               `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name"`
	ShortDescription     *sarifText          `json:"shortDescription,omitempty"`
	FullDescription      *sarifText          `json:"fullDescription,omitempty"`
	Help                 *sarifText          `json:"help,omitempty"`
	HelpURI              string              `json:"helpUri"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProperties struct {
	Article string   `json:"article,omitempty"`
	Tags    []string `json:"tags"`
}

type sarifArtifact struct {
	Location sarifArtifactLoc `json:"location"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
	Index     *int   `json:"index,omitempty"` // pointer: index 0 must be written
}

type sarifResult struct {
	RuleID     string                 `json:"ruleId"`
	RuleIndex  int                    `json:"ruleIndex"`
	Level      string                 `json:"level"`
	Message    sarifText              `json:"message"`
	Locations  []sarifLocation        `json:"locations"`
	Properties *sarifResultProperties `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           sarifRegion      `json:"region"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sarifResultProperties carries what SARIF has no field for. The suggestion
// is not a SARIF fix: a Missing finding's anchor is a section, not the exact
// insertion point, so a fix would edit the wrong place.
type sarifResultProperties struct {
	Missing    bool   `json:"missing,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
}

func writeSARIF(w io.Writer, files []*file, opt Options) error {
	lang := opt.lang()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "appilint",
			Version:        opt.Version,
			InformationURI: toolURI,
			Rules:          []sarifRule{},
		}},
		Language:   map[string]string{"ja": "ja-JP", "en": "en-US"}[lang],
		ColumnKind: "unicodeCodePoints", // model.Position columns count code points
		Artifacts:  []sarifArtifact{},
		Results:    []sarifResult{}, // an empty run must say [] rather than null
	}
	if opt.BaseDir != "" {
		if abs, err := filepath.Abs(opt.BaseDir); err == nil {
			run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(abs, true)}}
		}
	}

	// Driver rules: the enabled rules in order, then any rule a finding
	// names that the caller did not list, so every ruleIndex resolves.
	index := map[string]int{}
	addRule := func(r *engine.Rule) {
		if r == nil {
			return
		}
		if _, ok := index[r.ID]; ok {
			return
		}
		index[r.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(r, lang))
	}
	for _, r := range opt.Rules {
		addRule(r)
	}
	for _, f := range files {
		for _, fd := range f.findings {
			addRule(fd.Rule)
		}
	}

	for k, f := range files {
		loc := artifactLocation(opt.BaseDir, f)
		run.Artifacts = append(run.Artifacts, sarifArtifact{Location: loc})
		loc.Index = &k
		for _, fd := range f.findings {
			res := sarifResult{
				RuleID:    fd.Rule.ID,
				RuleIndex: index[fd.Rule.ID],
				Level:     sarifLevel(fd.Severity),
				Message:   sarifText{Text: message(fd.Finding, lang)},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: loc,
					Region: sarifRegion{
						StartLine: fd.start.Line, StartColumn: fd.start.Column,
						EndLine: fd.end.Line, EndColumn: fd.end.Column,
					},
				}}},
			}
			if fd.Missing || fd.Suggestion != "" {
				res.Properties = &sarifResultProperties{Missing: fd.Missing, Suggestion: fd.Suggestion}
			}
			run.Results = append(run.Results, res)
		}
	}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifRuleOf(r *engine.Rule, lang string) sarifRule {
	return sarifRule{
		ID:                   r.ID,
		Name:                 camelName(r.ID),
		ShortDescription:     optText(r.Title.In(lang)),
		FullDescription:      optText(r.Doc.In(lang)),
		Help:                 optText(helpText(r, lang)),
		HelpURI:              docURL(r.ID),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProperties{Article: r.Article.In(lang), Tags: ruleTags(r)},
	}
}

func optText(s string) *sarifText {
	if s == "" {
		return nil // SARIF messages require text; leave the property out instead
	}
	return &sarifText{Text: s}
}

// helpText joins the rule's explanation, legal basis and wording to add.
func helpText(r *engine.Rule, lang string) string {
	labels := map[string][2]string{"ja": {"根拠: ", "文例: "}, "en": {"Basis: ", "Suggested text: "}}[lang]
	var parts []string
	if d := r.Doc.In(lang); d != "" {
		parts = append(parts, d)
	}
	if a := r.Article.In(lang); a != "" {
		parts = append(parts, labels[0]+a)
	}
	if f := r.Fix.In(lang); f != "" {
		parts = append(parts, labels[1]+f)
	}
	return strings.Join(parts, "\n\n")
}

// ruleTags derives tags from what a Rule declares (it has no tag field):
// the ID's namespace and whether the rule is conditional.
func ruleTags(r *engine.Rule) []string {
	tags := []string{"privacy"}
	if ns, _, ok := strings.Cut(r.ID, "/"); ok && ns != "" {
		tags = append(tags, ns)
	}
	if r.Conditional {
		tags = append(tags, "conditional")
	}
	return tags
}

// camelName turns "appi/operator-name" into "OperatorName".
func camelName(id string) string {
	if i := strings.LastIndex(id, "/"); i >= 0 {
		id = id[i+1:]
	}
	var b strings.Builder
	for part := range strings.FieldsFuncSeq(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		r, n := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[n:])
	}
	return b.String()
}

func sarifLevel(s engine.Severity) string {
	switch s {
	case engine.Error:
		return "error"
	case engine.Warning:
		return "warning"
	}
	return "note"
}

// artifactLocation is where a file lives: relative to %SRCROOT% when it
// is relative, else an absolute file URI.
func artifactLocation(base string, f *file) sarifArtifactLoc {
	switch {
	case f.path == stdinPath:
		return sarifArtifactLoc{URI: "stdin"}
	case f.inBase:
		return sarifArtifactLoc{URI: relativeURI(f.path), URIBaseID: srcRoot}
	case base == "" && !filepath.IsAbs(f.doc.Path):
		return sarifArtifactLoc{URI: relativeURI(f.path), URIBaseID: srcRoot}
	}
	abs, err := filepath.Abs(f.doc.Path)
	if err != nil {
		return sarifArtifactLoc{URI: relativeURI(f.path)}
	}
	return sarifArtifactLoc{URI: fileURI(abs, false)}
}
