package policydiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"
)

// TextOptions control the human-readable report.
type TextOptions struct {
	Lang  string // "ja" (default) or "en"
	Color bool   // colour the changes instead of marking them [-…-]{+…+}
}

func pick(lang, ja, en string) string {
	if lang == "en" {
		return en
	}
	return ja
}

// WriteText writes the report for a person: the changed passages grouped
// by section, then the finding delta with the article of every rule and
// the wording to add for each new finding.
func (r *Report) WriteText(w io.Writer, opt TextOptions) error {
	lang := opt.Lang
	var b strings.Builder
	del, ins, dim := fmt.Sprint, fmt.Sprint, fmt.Sprint
	if opt.Color {
		red := color.New(color.FgRed, color.CrossedOut)
		green := color.New(color.FgGreen, color.Underline)
		faint := color.New(color.Faint)
		for _, c := range []*color.Color{red, green, faint} {
			c.EnableColor()
		}
		del, ins, dim = red.Sprint, green.Sprint, faint.Sprint
	}
	fmt.Fprintf(&b, "appilint diff: %s → %s\n", r.Old.Name, r.New.Name)

	if len(r.Hunks) == 0 {
		b.WriteString(pick(lang, "本文の変更はありません。\n", "The text has not changed.\n"))
	} else {
		fmt.Fprintf(&b, pick(lang, "本文の変更: %d 箇所\n", "Text changes: %d\n"), len(r.Hunks))
	}
	inNew := map[string]bool{}
	for _, s := range r.New.Result.Doc.Sections {
		inNew[strings.Join(titles(s), " > ")] = true
	}
	var last string
	for _, h := range r.Hunks {
		title := strings.Join(h.Section, " > ")
		if h.InOld && !inNew[title] {
			// Deleted text keeps the section it had; say so when NEW has no
			// section of that name any more.
			title += pick(lang, "（旧版の節）", " (section of the old version)")
		}
		if strings.TrimSpace(title) == "" {
			title = pick(lang, "（冒頭）", "(opening text)")
		}
		if title != last {
			fmt.Fprintf(&b, "\n■ %s\n", title)
			last = title
		}
		var line strings.Builder
		for _, s := range h.Segments {
			// Line ends at either end of a change go outside the marks.
			text := strings.TrimLeft(s.Text, "\n")
			line.WriteString(s.Text[:len(s.Text)-len(text)])
			nl := text[len(strings.TrimRight(text, "\n")):]
			text = text[:len(text)-len(nl)]
			switch {
			case s.Op == Equal:
				line.WriteString(dim(text))
			case s.Op == Delete && opt.Color:
				line.WriteString(del(text))
			case s.Op == Delete:
				line.WriteString("[-" + text + "-]")
			case opt.Color:
				line.WriteString(ins(text))
			default:
				line.WriteString("{+" + text + "+}")
			}
			line.WriteString(nl)
		}
		loc := fmt.Sprintf("%s:%d", r.New.Name, h.NewLine)
		if h.InOld {
			loc = fmt.Sprintf("%s:%d", r.Old.Name, h.OldLine)
		}
		text := strings.ReplaceAll(strings.TrimRight(line.String(), "\n"), "\n", "\n    ")
		fmt.Fprintf(&b, "  %s: %s\n", loc, text)
	}

	fmt.Fprintf(&b, "\n%s\n", fmt.Sprintf(pick(lang, "指摘の変化: 解消 %d / 新規 %d / 継続 %d", "Findings: fixed %d / introduced %d / unchanged %d"),
		len(r.Fixed), len(r.Introduced), len(r.Unchanged)))
	section := func(title string, fs []Finding, mark string, name string, suggest bool) {
		if len(fs) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s\n", title)
		for _, f := range fs {
			fmt.Fprintf(&b, "  %s %s:%d:%d %s %s %s (%s)\n", mark, name, f.Line, f.Column, f.Severity, f.Rule.ID,
				f.Message.In(lang), f.Rule.Article.In(lang))
			if suggest && f.Suggestion != "" {
				label := pick(lang, "追加する文例", "Wording to add")
				if !f.Missing {
					label = pick(lang, "修正案", "Suggested text")
				}
				s := strings.ReplaceAll(f.Suggestion, "\n", "\n      ")
				fmt.Fprintf(&b, "      %s%s: %s\n", label, pick(lang, "（"+f.Rule.Article.JA+"）", " ("+f.Rule.Article.In(lang)+")"), s)
			}
		}
	}
	section(pick(lang, "解消された指摘（旧版のみ）:", "Fixed (only in the old version):"), r.Fixed, "-", r.Old.Name, false)
	section(pick(lang, "新たな指摘（新版のみ）:", "Introduced (only in the new version):"), r.Introduced, "+", r.New.Name, true)
	section(pick(lang, "変わらない指摘:", "Unchanged:"), r.Unchanged, "=", r.New.Name, false)
	_, err := io.WriteString(w, b.String())
	return err
}

// JSON shapes of the machine-readable report.
type (
	jsonReport struct {
		Old      string       `json:"old"`
		New      string       `json:"new"`
		Hunks    []jsonHunk   `json:"hunks"`
		Findings jsonFindings `json:"findings"`
		Summary  jsonSummary  `json:"summary"`
	}
	jsonHunk struct {
		Section  []string      `json:"section"`
		InOld    bool          `json:"sectionInOld"`
		OldLine  int           `json:"oldLine"`
		NewLine  int           `json:"newLine"`
		Segments []jsonSegment `json:"segments"`
	}
	jsonSegment struct {
		Op   string `json:"op"`
		Text string `json:"text"`
	}
	jsonFindings struct {
		Fixed      []jsonFinding `json:"fixed"`
		Introduced []jsonFinding `json:"introduced"`
		Unchanged  []jsonFinding `json:"unchanged"`
	}
	jsonFinding struct {
		Rule        string `json:"rule"`
		Severity    string `json:"severity"`
		Title       string `json:"title"`
		Article     string `json:"article"`
		Message     string `json:"message"`
		Missing     bool   `json:"missing"`
		Path        string `json:"path"`
		Line        int    `json:"line"`
		Column      int    `json:"column"`
		OldLine     int    `json:"oldLine,omitempty"`
		Fingerprint string `json:"fingerprint"`
		Suggestion  string `json:"suggestion,omitempty"`
	}
	jsonSummary struct {
		Hunks      int `json:"hunks"`
		Fixed      int `json:"fixed"`
		Introduced int `json:"introduced"`
		Unchanged  int `json:"unchanged"`
	}
)

// WriteJSON writes the delta and the hunks for programs.
func (r *Report) WriteJSON(w io.Writer, lang string) error {
	out := jsonReport{Old: r.Old.Name, New: r.New.Name, Hunks: []jsonHunk{}}
	for _, h := range r.Hunks {
		jh := jsonHunk{Section: h.Section, InOld: h.InOld, OldLine: h.OldLine, NewLine: h.NewLine}
		if jh.Section == nil {
			jh.Section = []string{}
		}
		for _, s := range h.Segments {
			jh.Segments = append(jh.Segments, jsonSegment{s.Op.String(), s.Text})
		}
		out.Hunks = append(out.Hunks, jh)
	}
	conv := func(fs []Finding, path string) []jsonFinding {
		list := []jsonFinding{}
		for _, f := range fs {
			jf := jsonFinding{
				Rule: f.Rule.ID, Severity: f.Severity.String(), Title: f.Rule.Title.In(lang),
				Article: f.Rule.Article.In(lang), Message: f.Message.In(lang), Missing: f.Missing,
				Path: path, Line: f.Line, Column: f.Column, Fingerprint: Fingerprint(f.Doc, f.Finding),
				Suggestion: f.Suggestion,
			}
			if f.Was != nil {
				jf.OldLine = f.Was.Line
			}
			list = append(list, jf)
		}
		return list
	}
	out.Findings = jsonFindings{
		Fixed:      conv(r.Fixed, r.Old.Name),
		Introduced: conv(r.Introduced, r.New.Name),
		Unchanged:  conv(r.Unchanged, r.New.Name),
	}
	out.Summary = jsonSummary{len(r.Hunks), len(r.Fixed), len(r.Introduced), len(r.Unchanged)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
