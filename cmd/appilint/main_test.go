package main

import (
	"os"

	"golang.org/x/text/encoding/japanese"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the txtar scripts run the appilint binary in-process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"appilint": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts pins the CLI's behaviour: exit codes, output shapes, errors.
// Scripts live in testdata/script; $POLICIES points at testdata/policies.
func TestScripts(t *testing.T) {
	if testing.Short() {
		// Each script starts the analyser (dictionary load) many times; under
		// the race detector that is minutes per script. The normal test run
		// covers them.
		t.Skip("CLI scripts are skipped with -short")
	}
	policies, err := filepath.Abs(filepath.Join("..", "..", "testdata", "policies"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("..", "..", "testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("POLICIES", policies)
			env.Setenv("NO_COLOR", "1")
			return writeEncodedFixtures(env.WorkDir)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// concat DST SRC... writes the concatenation of the sources to DST.
			"concat": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: concat DST SRC...")
				}
				var data []byte
				for _, src := range args[1:] {
					data = append(data, ts.ReadFile(src)...)
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
			},
		},
	})
}

// writeEncodedFixtures puts into each script's work directory the files a
// txtar archive cannot hold: binary bytes and legacy Japanese encodings.
func writeEncodedFixtures(dir string) error {
	const policy = "当社は、お客様の個人情報を適切に取り扱います。\r\n株式会社テスト（以下「当社」）\r\n"
	files := map[string][]byte{"binary.bin": {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0, 0, 0xff, 0xfe}}
	for name, enc := range map[string]interface {
		String(string) (string, error)
	}{
		"sjis.txt":  japanese.ShiftJIS.NewEncoder(),
		"eucjp.txt": japanese.EUCJP.NewEncoder(),
		"jis.txt":   japanese.ISO2022JP.NewEncoder(),
	} {
		s, err := enc.String(policy)
		if err != nil {
			return err
		}
		files[name] = []byte(s)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
