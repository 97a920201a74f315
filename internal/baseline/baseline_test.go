package baseline

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFingerprintSurvivesUnrelatedEdits(t *testing.T) {
	a := Fingerprint("p.md", "appi/placeholder", false, "住所：〇〇県〇〇市 1-2-3")
	b := Fingerprint("p.md", "appi/placeholder", false, "住所： 〇〇県〇〇市 4-5-6")
	if a != b {
		t.Error("white space and numbers changed the fingerprint")
	}
	if a == Fingerprint("p.md", "appi/placeholder", false, "代表者：〇〇") {
		t.Error("different evidence, same fingerprint")
	}
	if a == Fingerprint("q.md", "appi/placeholder", false, "住所：〇〇県〇〇市 1-2-3") {
		t.Error("different file, same fingerprint")
	}
	if Fingerprint("p.md", "appi/fee", true, "## 5. 開示") != Fingerprint("p.md", "appi/fee", true, "## 6. 開示等の請求") {
		t.Error("a missing item's fingerprint depends on its anchor")
	}
}

func TestWriteReadTake(t *testing.T) {
	p := filepath.Join(t.TempDir(), "baseline.json")
	entries := []Entry{{Path: "a.md", Rule: "appi/fee", Fingerprint: "x"}, {Path: "a.md", Rule: "appi/fee", Fingerprint: "x"}}
	if err := Write(p, entries); err != nil {
		t.Fatal(err)
	}
	s, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, true, false} {
		if got := s.Take("x"); got != want {
			t.Errorf("Take #%d = %v, want %v: two accepted occurrences are taken exactly twice", i+1, got, want)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(p), ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temp files left: %v", leftovers)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	_ = os.WriteFile(bad, []byte("not json"), 0o644)
	if _, err := Read(bad); err == nil {
		t.Error("garbage read as a baseline")
	}
	if _, err := Read(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("missing file read as a baseline")
	}
}
