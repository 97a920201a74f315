package scan

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"
)

// URL lists are what auditors have at hand: one URL per line, optionally
// followed by the company name after a tab, a comma or spaces; '#' starts
// a comment line; or a CSV (or TSV) export with a header naming a url
// column and optionally a company column. Excel on Japanese Windows saves
// CSV as Shift_JIS, so a list that is not UTF-8 is read as Shift_JIS.

var (
	urlColumns     = []string{"url", "uri", "link", "address", "アドレス"}
	companyColumns = []string{"company", "company_name", "name", "会社名", "企業名", "名称", "事業者名", "社名"}
)

// readURLList streams the inputs of a URL list file.
func readURLList(name string, r io.Reader, emit func(Input) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	var src io.Reader = br
	if !validUTF8Prefix(head) {
		src = transform.NewReader(br, japanese.ShiftJIS.NewDecoder())
	}
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var (
		lineNo   int
		header   bool // a CSV header has been read
		sep      rune
		urlCol   = 0
		compCol  = -1
		firstRow = true
	)
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if firstRow {
			firstRow = false
			if s, u, c, ok := csvHeader(line); ok {
				header, sep, urlCol, compCol = true, s, u, c
				continue
			}
		}
		var in Input
		if header {
			fields, err := splitCSV(line, sep)
			switch {
			case err != nil:
				in = Input{Source: fmt.Sprintf("%s:%d", name, lineNo), Err: "cannot parse the CSV line: " + err.Error()}
			case urlCol >= len(fields) || strings.TrimSpace(fields[urlCol]) == "":
				in = Input{Source: fmt.Sprintf("%s:%d", name, lineNo), Err: "no URL in the url column"}
			default:
				company := ""
				if compCol >= 0 && compCol < len(fields) {
					company = strings.TrimSpace(fields[compCol])
				}
				in = urlInput(fields[urlCol], company)
			}
		} else {
			u, company := splitLine(line)
			in = urlInput(u, company)
		}
		if !emit(in) {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// csvHeader recognises a header line: it names a url column and is not
// itself a URL.
func csvHeader(line string) (sep rune, urlCol, compCol int, ok bool) {
	if isURL(line) {
		return 0, 0, 0, false
	}
	sep = ','
	if strings.Count(line, "\t") > strings.Count(line, ",") {
		sep = '\t'
	}
	fields, err := splitCSV(line, sep)
	if err != nil {
		return 0, 0, 0, false
	}
	urlCol, compCol = -1, -1
	for i, f := range fields {
		f = strings.ToLower(strings.TrimSpace(f))
		switch {
		case urlCol < 0 && contains(urlColumns, f):
			urlCol = i
		case compCol < 0 && contains(companyColumns, f):
			compCol = i
		}
	}
	return sep, urlCol, compCol, urlCol >= 0
}

func splitCSV(line string, sep rune) ([]string, error) {
	r := csv.NewReader(strings.NewReader(line))
	r.Comma = sep
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	return r.Read()
}

// splitLine splits "URL<sep>company": the URL ends at the first tab,
// comma or space; the rest, unquoted, is the company name.
func splitLine(line string) (u, company string) {
	i := strings.IndexAny(line, "\t, 　")
	if i < 0 {
		return line, ""
	}
	u, rest := line[:i], line[i:]
	rest = strings.TrimLeft(rest, "\t, 　")
	rest = strings.TrimSpace(rest)
	if len(rest) >= 2 && rest[0] == '"' && rest[len(rest)-1] == '"' {
		rest = strings.ReplaceAll(rest[1:len(rest)-1], `""`, `"`)
	}
	return u, rest
}

// validUTF8Prefix is utf8.Valid that forgives a character cut at the end
// of a peeked buffer.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return len(b) == 0 || utf8.Valid(b)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// openURLList opens a list file ("-" is not accepted: standard input is
// not a file a --resume can read again).
func openURLList(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("--urls %s: %s", name, fileProblem(err))
	}
	return f, nil
}
