package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// Exit codes are part of the CLI contract.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitUsage    = 2 // usage or input error
)

// exitError carries an exit code out of a cobra command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// profiling is the state of the hidden --cpuprofile flag: a CPU profile of
// the whole command, for measuring where time goes (.ci/perf.sh uses it).
type profiling struct {
	path string
	file *os.File
}

func (p *profiling) start() error {
	if p.path == "" {
		return nil
	}
	f, err := os.Create(p.path)
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("--cpuprofile: %w", err)}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return &exitError{code: exitUsage, err: fmt.Errorf("--cpuprofile: %w", err)}
	}
	p.file = f
	return nil
}

// stop ends the profile; it runs after the command whatever its outcome
// (cobra skips post-run hooks when a command returns an error, as check
// does when it finds something).
func (p *profiling) stop() {
	if p.file != nil {
		pprof.StopCPUProfile()
		p.file.Close()
		p.file = nil
	}
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer, prof *profiling) *cobra.Command {
	root := &cobra.Command{
		Use:   "appilint",
		Short: "Compliance linter for Japanese privacy policies (APPI / 個人情報保護法)",
		Long: "appilint checks a Japanese privacy policy (プライバシーポリシー) against the items\n" +
			"the Act on the Protection of Personal Information requires, and reports what is\n" +
			"missing or wrong with the article and wording to add.",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(*cobra.Command, []string) error {
			return prof.start()
		},
	}
	root.PersistentFlags().StringVar(&prof.path, "cpuprofile", "", "write a CPU profile of the command to `file` (for performance work)")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: fmt.Errorf("%w (run '%s --help' for usage)", err, c.CommandPath())}
	})
	root.AddCommand(newCheckCmd(), newRulesCmd(), newExplainCmd(), newInitCmd(), newVersionCmd(), newDebugCmd(), newFixCmd(), newDiffCmd(), newScanCmd())
	return root
}

// run executes the CLI and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	prof := &profiling{}
	root := newRootCmd(stdin, stdout, stderr, prof)
	root.SetArgs(args)
	err := root.Execute()
	prof.stop()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "appilint:", ee.err)
		}
		return ee.code
	}
	// Cobra's own errors (unknown command, bad args) are usage errors.
	fmt.Fprintln(stderr, "appilint:", err)
	return exitUsage
}
