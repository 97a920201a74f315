// Package load turns input bytes into decoded text.
//
// It owns everything between "a path, a reader or a byte slice" and "UTF-8
// text ready for parsing": size limits, file-type and binary checks,
// character-set detection, for HTML the extraction of the visible text
// together with a byte-offset map back to the decoded source, and for DOCX
// and PDF the extraction of their text (docx.go, pdf.go). Every bad input
// is reported as an *Error whose message names the file and the problem.
package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// defaultMaxBytes bounds memory use when Options.MaxBytes is zero; real
// privacy policies are a few hundred kilobytes at most.
const defaultMaxBytes = 16 << 20

// Options control how input is read and decoded.
type Options struct {
	Encoding string // "" = detect; accepted: utf-8, shift_jis (sjis, cp932, windows-31j), euc-jp, iso-2022-jp (case-insensitive)
	MaxBytes int64  // 0 = default 16 MiB; larger input is an error
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return defaultMaxBytes
	}
	return o.MaxBytes
}

// Source is one decoded input document.
type Source struct {
	Path     string // as given ("-" is shown as "<stdin>")
	Format   string // "txt", "md", "html", "docx" or "pdf"
	Encoding string // canonical name of the encoding used: "utf-8", "shift_jis", "euc-jp", "iso-2022-jp" (or "utf-16le"/"utf-16be" from a BOM)
	Orig     string // the decoded input (UTF-8), BOM removed, line terminators exactly as in the input
	Text     string // visible text: for txt/md/docx it equals Orig; for html and pdf the visible text
	// TextOffset has len(Text)+1 entries: TextOffset[i] is the byte offset in
	// Orig of Text's byte i (the last entry maps len(Text)). nil means
	// identity (txt/md/docx).
	TextOffset []int
	// Note says what positions refer to when Orig is not the file itself
	// (text extracted from a DOCX or PDF); "" for text formats.
	Note string
}

// Error is returned for every bad input.
type Error struct {
	Path    string // the input as shown to the user
	Problem string // plain-English description of what is wrong
	Err     error  // underlying error, if any (e.g. from the file system)
}

func (e *Error) Error() string { return e.Path + ": " + e.Problem }

func (e *Error) Unwrap() error { return e.Err }

func newError(path, format string, args ...any) *Error {
	return &Error{Path: path, Problem: fmt.Sprintf(format, args...)}
}

// File reads and decodes the file at path; "-" reads standard input.
func File(path string, opt Options) (*Source, error) {
	if path == "-" {
		return Reader(path, os.Stdin, opt)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, "cannot open", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fileError(path, "cannot read", err)
	}
	if fi.IsDir() {
		return nil, &Error{Path: path, Problem: "is a directory"}
	}
	// Check the name before reading so a large binary is never slurped.
	format, ferr := formatFromName(path)
	if ferr != nil {
		return nil, ferr
	}
	limit := opt.maxBytes()
	if fi.Mode().IsRegular() && fi.Size() > limit {
		return nil, tooLarge(path, fi.Size(), limit)
	}
	data, err := readLimited(f, limit)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, newError(path, "file is larger than the limit of %d bytes", limit)
		}
		return nil, fileError(path, "cannot read", err)
	}
	return decode(path, format, data, opt)
}

// Reader reads and decodes everything from r. name is used for messages and
// to choose the format by extension; "-" means standard input.
func Reader(name string, r io.Reader, opt Options) (*Source, error) {
	path := displayName(name)
	format, ferr := formatFromName(name)
	if ferr != nil {
		return nil, ferr
	}
	limit := opt.maxBytes()
	data, err := readLimited(r, limit)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			// Draining an unbounded stream just to report its size is not worth it.
			return nil, newError(path, "input is larger than the limit of %d bytes", limit)
		}
		return nil, &Error{Path: path, Problem: "cannot read: " + err.Error(), Err: err}
	}
	return decode(path, format, data, opt)
}

// Bytes decodes data; name is used for messages and to choose the format.
func Bytes(name string, data []byte, opt Options) (*Source, error) {
	path := displayName(name)
	format, ferr := formatFromName(name)
	if ferr != nil {
		return nil, ferr
	}
	if limit := opt.maxBytes(); int64(len(data)) > limit {
		return nil, tooLarge(path, int64(len(data)), limit)
	}
	return decode(path, format, data, opt)
}

func displayName(name string) string {
	switch name {
	case "-":
		return "<stdin>"
	case "":
		return "<input>"
	}
	return name
}

var errTooLarge = errors.New("input too large")

// readLimited reads at most limit bytes and fails if there is more, so that
// a FIFO or a growing file cannot exhaust memory.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge
	}
	return data, nil
}

func tooLarge(path string, n, limit int64) *Error {
	return newError(path, "file is %d bytes, over the limit of %d bytes", n, limit)
}

// fileError turns a file-system error into a message without the path
// repeated (os.PathError already contains it).
func fileError(path, action string, err error) *Error {
	var problem string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		problem = "no such file"
	case errors.Is(err, fs.ErrPermission):
		problem = "permission denied"
	default:
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		problem = action + ": " + msg
	}
	return &Error{Path: path, Problem: problem, Err: err}
}

// formatFromName maps a file name to a format; "" means "sniff the content".
func formatFromName(name string) (string, *Error) {
	if name == "-" || name == "" {
		return "", nil
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case "":
		return "", nil
	case ".txt", ".text":
		return "txt", nil
	case ".md", ".markdown":
		return "md", nil
	case ".html", ".htm", ".xhtml":
		return "html", nil
	case ".docx":
		return "docx", nil
	case ".pdf":
		return "pdf", nil
	}
	return "", newError(name, "unsupported file type %s (supported: .txt, .md, .html, .htm, .docx, .pdf)", ext)
}

// decode runs the checks shared by File, Reader and Bytes.
func decode(path, format string, data []byte, opt Options) (*Source, error) {
	if len(data) == 0 {
		return nil, newError(path, "empty input")
	}
	if format == "" {
		format = sniffContainer(data)
	}
	switch format {
	case "docx":
		return loadDOCX(path, data, opt)
	case "pdf":
		return loadPDF(path, data, opt)
	}
	forced := ""
	if opt.Encoding != "" {
		enc, ok := canonicalEncoding(opt.Encoding)
		if !ok {
			return nil, newError(path, "unknown encoding %q (supported: utf-8, shift_jis, euc-jp, iso-2022-jp)", opt.Encoding)
		}
		forced = enc
	}

	var orig, enc string
	if utf16, le := hasUTF16BOM(data); utf16 {
		// A UTF-16 BOM cannot be mistaken for anything else, so it wins even
		// over a forced encoding (which would only produce garbage).
		var problem string
		orig, enc, problem = decodeUTF16(data[2:], le)
		if problem != "" {
			return nil, newError(path, "%s", problem)
		}
		if why := binaryReason([]byte(orig)); why != "" {
			return nil, newError(path, "binary file, not text (%s)", why)
		}
		if format == "" {
			format = sniffFormat([]byte(orig))
		}
	} else {
		if why := binaryReason(data); why != "" {
			return nil, newError(path, "binary file, not text (%s)", why)
		}
		if format == "" {
			format = sniffFormat(data)
		}
		var problem string
		orig, enc, problem = decodeBytes(data, forced, format == "html")
		if problem != "" {
			return nil, newError(path, "%s", problem)
		}
	}

	if strings.TrimFunc(orig, unicode.IsSpace) == "" {
		return nil, newError(path, "empty input (only whitespace)")
	}
	src := &Source{Path: path, Format: format, Encoding: enc, Orig: orig, Text: orig}
	if format == "html" {
		src.Text, src.TextOffset = extractHTML(orig)
		if strings.TrimFunc(src.Text, unicode.IsSpace) == "" {
			// Typical for pages rendered by JavaScript; linting nothing would
			// silently report every requirement as missing.
			return nil, newError(path, "no visible text in the HTML (is the page built by JavaScript?)")
		}
	}
	return src, nil
}
