package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixDiffExitCodes pins the exit codes of fix and diff, which the txtar
// scripts can only tell apart as zero and non-zero.
func TestFixDiffExitCodes(t *testing.T) {
	dir := t.TempDir()
	thin := filepath.Join("..", "..", "testdata", "policies", "thin.txt")
	complete := filepath.Join("..", "..", "testdata", "policies", "complete.md")
	data, err := os.ReadFile(thin)
	if err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "thin.txt")
	if err := os.WriteFile(work, data, 0o600); err != nil {
		t.Fatal(err)
	}
	// A policy whose backup is already there: --write must not overwrite it.
	kept := filepath.Join(dir, "kept.txt")
	for _, p := range []string{kept, kept + ".orig"} {
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	docx := filepath.Join(dir, "policy.docx")
	if err := os.WriteFile(docx, minimalDOCX(t, "プライバシーポリシー", "当社は、個人情報を適切に取り扱います。"), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		args   []string
		stdin  string
		want   int
		stderr string
	}{
		{args: []string{"fix", "--no-config", thin}, want: exitFindings},
		{args: []string{"fix", "--no-config", complete}, want: exitOK, stderr: "追加する文例はありません"},
		{args: []string{"fix", "--no-config", "--write", "-"}, stdin: string(data), want: exitUsage, stderr: "標準入力"},
		{args: []string{"fix", "--no-config", "--lang", "xx", thin}, want: exitUsage},
		{args: []string{"fix", "--no-config", "--write", work}, want: exitFindings, stderr: "thin.txt.orig"},
		{args: []string{"fix", "--no-config", "--write", kept}, want: exitUsage, stderr: "--force"},
		// Formats fix cannot rewrite get the diff of their text, and --write is refused.
		{args: []string{"fix", "--no-config", docx}, want: exitFindings},
		{args: []string{"fix", "--no-config", "--write", docx}, want: exitUsage, stderr: "DOCX"},
		{args: []string{"diff", "--no-config", thin, complete}, want: exitOK},
		{args: []string{"diff", "--no-config", "--fail-on-new", thin, complete}, want: exitOK},
		{args: []string{"diff", "--no-config", "--fail-on-new", complete, thin}, want: exitFindings},
		{args: []string{"diff", "--no-config", "--fail-on-new", complete, complete}, want: exitOK},
		{args: []string{"diff", "--no-config", thin, filepath.Join(dir, "nosuch.txt")}, want: exitUsage},
		{args: []string{"diff", "--no-config", "-", "-"}, want: exitUsage},
	} {
		var out, errb bytes.Buffer
		got := run(c.args, strings.NewReader(c.stdin), &out, &errb)
		if got != c.want {
			t.Errorf("%v: exit %d, want %d\n%s", c.args, got, c.want, errb.String())
		}
		if !strings.Contains(errb.String(), c.stderr) {
			t.Errorf("%v: stderr %q lacks %q", c.args, errb.String(), c.stderr)
		}
	}
	if _, err := os.Stat(docx + ".orig"); err == nil {
		t.Error("a refused --write left a backup")
	}
}

// TestFixDiffOfDOCX: the diff of a DOCX is against its extracted text and
// says so in its headers.
func TestFixDiffOfDOCX(t *testing.T) {
	docx := filepath.Join(t.TempDir(), "policy.docx")
	if err := os.WriteFile(docx, minimalDOCX(t, "プライバシーポリシー", "当社は、個人情報を適切に取り扱います。"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if got := run([]string{"fix", "--no-config", docx}, nil, &out, &errb); got != exitFindings {
		t.Fatalf("exit %d\n%s", got, errb.String())
	}
	if !strings.Contains(out.String(), "--- "+docx+"（抽出テキスト）\n") || !strings.Contains(out.String(), "\n+追記（appilint による文例）") {
		t.Errorf("diff of a DOCX:\n%s", out.String())
	}
}

// minimalDOCX builds a DOCX with one paragraph per string.
func minimalDOCX(t *testing.T, paras ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paras {
		body.WriteString("<w:p><w:r><w:t>" + p + "</w:t></w:r></w:p>")
	}
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body.String() + `</w:body></w:document>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
