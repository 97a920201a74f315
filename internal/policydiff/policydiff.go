// Package policydiff compares two versions of a policy for the people who
// review them: a character-level diff of the text grouped by section, and
// the change in findings (fixed, introduced, unchanged).
//
// The text diff runs on the normalised texts (what the rules read): width
// variants, line-end styles and hard wraps do not show up as changes, and
// HTML markup is not diffed at all, only its visible text.
package policydiff

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/baseline"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
)

// Version is one checked revision.
type Version struct {
	Name   string // as shown to the user
	Result *engine.Result
}

// Report is the comparison of two versions.
type Report struct {
	Old, New Version
	Hunks    []Hunk
	// Fixed are findings of OLD that NEW no longer has; Introduced are new
	// in NEW; Unchanged are in both (Finding is NEW's, Was is OLD's).
	Fixed, Introduced, Unchanged []Finding
}

// Hunk is one changed passage with a little context.
type Hunk struct {
	// Section is the title path (outermost first) of the section the change
	// is in: NEW's section, or OLD's for text that was only deleted.
	Section []string
	// InOld is true when Section comes from OLD (a deletion only).
	InOld bool
	// OldLine and NewLine are the 1-based lines in the original inputs where
	// the passage starts.
	OldLine, NewLine int
	Segments         []Segment
}

// Finding is a finding of one version with its position.
type Finding struct {
	engine.Finding
	Doc          *model.Document
	Line, Column int
	// Was is the matching finding of OLD, for an unchanged one.
	Was *Finding
}

// Options tune the comparison.
type Options struct {
	// Context is how many characters of unchanged text to show on each side
	// of a change (within its line); 0 means 20.
	Context int
	// Timeout bounds the character diff; 0 means 5 seconds.
	Timeout time.Duration
}

// commonPath stands for both versions' paths in fingerprints, so that the
// same finding in OLD and NEW gets the same fingerprint.
const commonPath = "policy"

// Compare diffs two checked versions.
func Compare(old, new Version, opt Options) *Report {
	if opt.Context <= 0 {
		opt.Context = 20
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 5 * time.Second
	}
	r := &Report{Old: old, New: new}
	segs := Diff(old.Result.Doc.Text, new.Result.Doc.Text, opt.Timeout)
	r.Hunks = hunks(segs, old.Result.Doc, new.Result.Doc, opt.Context)
	r.matchFindings()
	return r
}

// Fingerprint identifies a finding independently of the file and the line,
// as the baseline does.
func Fingerprint(doc *model.Document, f engine.Finding) string {
	return baseline.Fingerprint(commonPath, f.Rule.ID, f.Missing, doc.Slice(f.Span))
}

func (r *Report) matchFindings() {
	od, nd := r.Old.Result.Doc, r.New.Result.Doc
	pending := map[string][]int{}
	for i, f := range r.Old.Result.Findings {
		fp := Fingerprint(od, f)
		pending[fp] = append(pending[fp], i)
	}
	used := make([]bool, len(r.Old.Result.Findings))
	for _, f := range r.New.Result.Findings {
		nf := locate(nd, f)
		fp := Fingerprint(nd, f)
		if q := pending[fp]; len(q) > 0 {
			pending[fp] = q[1:]
			used[q[0]] = true
			was := locate(od, r.Old.Result.Findings[q[0]])
			nf.Was = &was
			r.Unchanged = append(r.Unchanged, nf)
			continue
		}
		r.Introduced = append(r.Introduced, nf)
	}
	for i, f := range r.Old.Result.Findings {
		if !used[i] {
			r.Fixed = append(r.Fixed, locate(od, f))
		}
	}
}

func locate(doc *model.Document, f engine.Finding) Finding {
	start, _ := doc.Range(f.Span)
	return Finding{Finding: f, Doc: doc, Line: start.Line, Column: start.Column}
}

// hunks groups the changes into passages: changes separated by a short
// equality on the same line and in the same section read as one.
func hunks(segs []Segment, od, nd *model.Document, context int) []Hunk {
	var out []Hunk
	oldPos, newPos := 0, 0
	offsets := make([][2]int, len(segs)+1)
	for k, s := range segs {
		offsets[k] = [2]int{oldPos, newPos}
		switch s.Op {
		case Equal:
			oldPos += len(s.Text)
			newPos += len(s.Text)
		case Delete:
			oldPos += len(s.Text)
		case Insert:
			newPos += len(s.Text)
		}
	}
	offsets[len(segs)] = [2]int{oldPos, newPos}

	// sectionOf attributes a change: NEW's section where text was added,
	// OLD's where it was only deleted.
	sectionOf := func(i, j int) (*model.Section, bool) {
		for k := i; k < j; k++ {
			if segs[k].Op == Insert {
				at := offsets[k][1] + leadingSpace(segs[k].Text)
				return sectionAt(nd, at), false
			}
		}
		at := offsets[i][0] + leadingSpace(segs[i].Text)
		return sectionAt(od, at), true
	}

	for k := 0; k < len(segs); {
		if segs[k].Op == Equal {
			k++
			continue
		}
		// A passage: edits joined across short single-line equalities.
		i := k
		j := k
		for j < len(segs) {
			if segs[j].Op != Equal {
				j++
				continue
			}
			if j+1 < len(segs) && joinable(segs[j].Text, context) {
				s1, o1 := sectionOf(i, j)
				s2, o2 := sectionOf(j+1, min(j+2, len(segs)))
				if s1 == s2 && o1 == o2 {
					j++
					continue
				}
			}
			break
		}
		sec, inOld := sectionOf(i, j)
		h := Hunk{Section: titles(sec), InOld: inOld}
		oldAt, newAt := offsets[i][0], offsets[i][1]
		// Each piece is shown in the writer's characters (see show) unless
		// normalisation rewrote it beyond a character-by-character map
		// (和暦 → 西暦): then the whole passage shows the normalised text.
		var norm, orig []Segment
		add := func(op Op, doc *model.Document, s, e int, before, after string) {
			norm = append(norm, Segment{op, before + doc.Text[s:e] + after})
			orig = append(orig, Segment{op, before + show(doc, s, e) + after})
		}
		if i > 0 && segs[i-1].Op == Equal {
			n, cut := tail(segs[i-1].Text, context)
			oldAt -= n
			newAt -= n
			if n > 0 {
				add(Equal, nd, newAt, newAt+n, cut, "")
			}
		}
		for k := i; k < j; k++ {
			if segs[k].Op == Delete {
				add(Delete, od, offsets[k][0], offsets[k+1][0], "", "")
			} else {
				add(segs[k].Op, nd, offsets[k][1], offsets[k+1][1], "", "")
			}
		}
		if j < len(segs) && segs[j].Op == Equal {
			if n, cut := head(segs[j].Text, context); n > 0 {
				at := offsets[j][1]
				add(Equal, nd, at, at+n, "", cut)
			}
		}
		h.Segments = orig
		for k := range orig {
			if strings.TrimSpace(orig[k].Text) == "" && strings.TrimSpace(norm[k].Text) != "" {
				h.Segments = norm
				break
			}
		}
		h.OldLine = lineOf(od, oldAt)
		h.NewLine = lineOf(nd, newAt)
		out = append(out, h)
		k = j
	}
	return out
}

// joinable reports whether an equality between two edits is short enough
// to show them as one passage.
func joinable(eq string, context int) bool {
	return !strings.Contains(eq, "\n") && utf8.RuneCountInString(eq) <= context
}

func leadingSpace(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

// tail measures the end of s on its last line, at most n runes: size is
// its length in bytes, cut is "…" when the line goes on before it.
func tail(s string, n int) (size int, cut string) {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	if utf8.RuneCountInString(s) <= n {
		return len(s), ""
	}
	r := []rune(s)
	return len(string(r[len(r)-n:])), "…"
}

// head measures the start of s up to its first line end, at most n runes.
func head(s string, n int) (size int, cut string) {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) <= n {
		return len(s), ""
	}
	return len(string([]rune(s)[:n])), "…"
}

// show returns the text a reader wrote for the Text range [s, e): the
// original characters (全角 kept, 和暦 kept, line breaks where they were)
// for text formats. Bytes that normalisation dropped go with the range
// before them. HTML shows its visible text, which is what Text holds.
func show(doc *model.Document, s, e int) string {
	if doc.Format == "html" || len(doc.OrigOffset) != len(doc.Text)+1 {
		return doc.Text[s:e]
	}
	a, b := doc.OrigOffset[s], doc.OrigOffset[e]
	if e == len(doc.Text) {
		b = len(doc.Orig)
	}
	if b < a {
		b = a
	}
	return strings.ReplaceAll(strings.ReplaceAll(doc.Orig[a:b], "\r\n", "\n"), "\r", "\n")
}

// sectionAt returns the innermost section containing a Text offset.
func sectionAt(doc *model.Document, off int) *model.Section {
	var best *model.Section
	for _, s := range doc.Sections {
		if s.Span.Start <= off && (off < s.Span.End || off == s.Span.End && off == len(doc.Text)) {
			best = s
		}
	}
	return best
}

// titles is a section's title path, outermost first.
func titles(s *model.Section) []string {
	if s == nil {
		return nil
	}
	t := s.Titles()
	for i, k := 0, len(t)-1; i < k; i, k = i+1, k-1 {
		t[i], t[k] = t[k], t[i]
	}
	return t
}

// lineOf is the 1-based line in the original input of a Text offset.
func lineOf(doc *model.Document, off int) int {
	start, _ := doc.Range(model.Span{Start: off, End: off})
	return start.Line
}
