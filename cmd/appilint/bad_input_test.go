package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

// TestBadInput is the bad-input table: each row is an input that must give
// exit 2 and a clear message naming the file, never a panic.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	policy := "当社は、お客様の個人情報を適切に取り扱います。\n"
	sjis, _ := japanese.ShiftJIS.NewEncoder().String("お問い合わせ窓口までご連絡ください。\n")
	loopDir := filepath.Join(dir, "loop")
	if err := os.Mkdir(loopDir, 0o755); err != nil {
		t.Fatal(err)
	}
	_ = os.Symlink(loopDir, filepath.Join(loopDir, "self"))
	if err := os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "a.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")); err != nil {
		t.Fatal(err)
	}

	bomb := zipBomb(t, filepath.Join(dir, "bomb.docx"))
	policies, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "policies"))
	rows := []struct {
		name string
		args []string
		want string // in stderr, after the file name
	}{
		{"empty file", []string{write("empty.txt", nil)}, "empty"},
		{"white space only", []string{write("blank.md", []byte(" \n\t\n　\n"))}, "empty"},
		{"binary file", []string{write("binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0, 0, 0, 0})}, ""},
		{"invalid UTF-8 in the middle", []string{write("broken.txt", []byte(policy+"\xff\xfe\xfd"+policy))}, "UTF-8"},
		{"mixed encodings", []string{write("mixed.txt", []byte(policy+sjis+policy))}, ""},
		{"a directory", []string{dir}, "directory"},
		{"a missing file", []string{filepath.Join(dir, "missing.txt")}, "no such file"},
		{"a symlink loop", []string{filepath.Join(dir, "a.txt")}, ""},
		{"over the size limit", []string{"--max-bytes", "64", write("big.txt", []byte(strings.Repeat(policy, 10)))}, "limit"},
		{"unsupported type", []string{write("policy.xlsx", []byte(policy))}, "unsupported"},
		{"deeply nested HTML", []string{write("nested.html", []byte(strings.Repeat("<div>", 100000)))}, ""},
		{"a DOCX zip bomb", []string{"--max-bytes", "1048576", bomb}, "zip bomb"},
		{"a corrupt DOCX", []string{filepath.Join(policies, "docx", "corrupt.docx")}, ""},
		{"a malformed PDF", []string{write("broken.pdf", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n"))}, ""},
		{"an encrypted PDF", []string{filepath.Join(policies, "pdf", "encrypted.pdf")}, ""},
		{"a scanned, image-only PDF", []string{filepath.Join(policies, "pdf", "scanned.pdf")}, ""},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			if strings.HasSuffix(row.args[len(row.args)-1], ".pdf") {
				if _, err := exec.LookPath("pdftotext"); err != nil && os.Getenv("CI") != "true" {
					t.Skip("pdftotext (poppler-utils) not installed")
				}
			}
			var out, errb bytes.Buffer
			args := append([]string{"check", "--no-config"}, row.args...)
			code := run(args, nil, &out, &errb)
			stderr := errb.String()
			if code != exitUsage {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, exitUsage, out.String(), stderr)
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
				t.Fatalf("crashed: %s", stderr)
			}
			path := row.args[len(row.args)-1]
			if !strings.Contains(stderr, filepath.Base(path)+":") && !strings.Contains(stderr, path) {
				t.Errorf("message does not name the file %s: %s", path, stderr)
			}
			if row.want != "" && !strings.Contains(stderr, row.want) {
				t.Errorf("message %q does not say %q", stderr, row.want)
			}
		})
	}
}

// TestInputsAreNeverModified: check only reads; the bytes and mtime of the
// inputs stay as they were.
func TestInputsAreNeverModified(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "policy.md")
	data := []byte("# ポリシー\n当社は個人情報を適切に取り扱います。\r\n")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(p)
	var out, errb bytes.Buffer
	run([]string{"check", "--no-config", "--format", "sarif", p}, nil, &out, &errb)
	after, _ := os.Stat(p)
	got, _ := os.ReadFile(p)
	if !bytes.Equal(got, data) || !after.ModTime().Equal(before.ModTime()) {
		t.Error("check modified its input")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("check left files behind: %v", entries)
	}
}

// zipBomb writes a DOCX whose document.xml is small compressed and huge
// expanded.
func zipBomb(t *testing.T, path string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("<w:p/>"), 1<<16)
	for range 64 { // 24 MiB expanded, a few tens of KiB compressed
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
