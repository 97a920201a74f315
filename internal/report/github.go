package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/appilint/appilint/internal/engine"
)

// GitHub Actions workflow commands
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
// each finding becomes an ::error, ::warning or ::notice line, which the
// runner turns into an annotation on the file and line of the pull request.

var (
	// The runner splits a command at "::" and its properties at "," and
	// "=", so data and property values are escaped the way @actions/core
	// does (escapeData / escapeProperty).
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func writeGitHub(w io.Writer, files []*file, opt Options) error {
	bw := bufio.NewWriter(w)
	lang := opt.lang()
	for _, f := range files {
		for _, fd := range f.findings {
			_, _ = bw.WriteString(githubCommand(f, fd, lang) + "\n")
		}
	}
	// Plain text: the runner prints it in the log and annotates nothing.
	_, _ = bw.WriteString(summary(tally(files), len(files), lang) + "\n")
	return bw.Flush()
}

func githubCommand(f *file, fd located, lang string) string {
	type prop struct{ k, v string }
	var props []prop
	if f.path != stdinPath {
		// No file in the repository to attach to; without file= the
		// annotation still shows on the run's summary.
		props = append(props, prop{"file", f.path})
	}
	start, end := fd.start, fd.pointEnd()
	oneLine := start.Line == end.Line // the checks API takes columns only within one line
	props = append(props, prop{"line", strconv.Itoa(start.Line)})
	if oneLine {
		props = append(props, prop{"col", strconv.Itoa(start.Column)})
	}
	props = append(props, prop{"endLine", strconv.Itoa(end.Line)})
	if oneLine {
		props = append(props, prop{"endColumn", strconv.Itoa(end.Column)})
	}
	props = append(props, prop{"title", fd.Rule.ID})

	var b strings.Builder
	b.WriteString("::" + githubLevel(fd.Severity) + " ")
	for i, p := range props {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(p.k + "=" + githubProperty.Replace(p.v))
	}
	b.WriteString("::" + githubData.Replace(messageWithArticle(fd.Finding, lang)))
	return b.String()
}

func githubLevel(s engine.Severity) string {
	switch s {
	case engine.Error:
		return "error"
	case engine.Warning:
		return "warning"
	}
	return "notice"
}
