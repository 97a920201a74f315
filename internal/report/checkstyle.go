package report

import (
	"encoding/xml"
	"io"
)

// Checkstyle XML as its consumers read it (Jenkins warnings-ng, reviewdog
// -f=checkstyle, SonarQube): a <file> per document, an <error> per
// finding. Every checked file is listed, even without errors, so that a
// consumer can tell "clean" from "not checked".

const checkstyleVersion = "4.3"

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func writeCheckstyle(w io.Writer, files []*file, opt Options) error {
	lang := opt.lang()
	rep := checkstyleReport{Version: checkstyleVersion}
	for _, f := range files {
		cf := checkstyleFile{Name: f.path}
		for _, fd := range f.findings {
			cf.Errors = append(cf.Errors, checkstyleError{
				Line:     fd.start.Line,
				Column:   fd.start.Column,
				Severity: fd.Severity.String(), // error, warning, info: checkstyle's own names
				Message:  messageWithArticle(fd.Finding, lang),
				Source:   "appilint." + fd.Rule.ID,
			})
		}
		rep.Files = append(rep.Files, cf)
	}
	return writeXML(w, rep)
}

// writeXML writes the XML declaration and v indented, ending with a
// newline. encoding/xml escapes attribute values (newlines included) and
// replaces characters that XML 1.0 cannot hold.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
