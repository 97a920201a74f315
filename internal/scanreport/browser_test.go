//go:build unix

package scanreport

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/appilint/appilint/rules"
)

// chromiumBin is Debian's chromium, which .ci/run installs.
const chromiumBin = "/usr/bin/chromium"

// consoleLine matches a console message in Chromium's stderr log, e.g.
// `[..:INFO:CONSOLE:12] "msg", source: file:///…` (older builds: CONSOLE(12)).
// Chromium logs every console level as INFO, so the level cannot tell an
// error: any message but the script's own ready line counts as one.
var consoleLine = regexp.MustCompile(`:CONSOLE[:(]\d*\)?\] "(.*)", source:`)

// TestReportInChromium opens report.html in headless Chromium: the page
// must render the matrix, its script must run (it adds #report-ready and
// logs a ready line), and the console must stay free of errors, CSP
// violations included. It writes a screenshot to docs/ for people to see.
func TestReportInChromium(t *testing.T) {
	if _, err := os.Stat(chromiumBin); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found: .ci/run must install Debian's chromium", chromiumBin)
		}
		t.Skipf("%s not found (apt-get install chromium fonts-noto-cjk); skipping the browser test", chromiumBin)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	tmp := t.TempDir()
	recs := synthRecords(30)
	if err := Write(tmp, recs, Options{GeneratedAt: time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.Join(tmp, HTMLFile)
	checked := 0
	for _, r := range recs {
		if r.Status == "ok" {
			checked++
		}
	}
	wantCells := checked * len(rules.All())

	stdout, stderr := runChromium(t, tmp, "--dump-dom", url)
	doc, err := html.Parse(bytes.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	heat := byID(doc, "heatmap")
	if heat == nil {
		t.Fatalf("no heatmap in the rendered DOM:\n%.2000s", stdout)
	}
	if n := len(findAll(heat, func(n *html.Node) bool { return n.Data == "td" && hasClass(n, "c") })); n != wantCells {
		t.Errorf("rendered %d heatmap cells, want %d", n, wantCells)
	}
	ready := byID(doc, "report-ready")
	if ready == nil {
		t.Errorf("#report-ready missing: the inline script did not run to the end\n%s", stderr)
	} else if got := attr(ready, "data-cells"); got != strconv.Itoa(wantCells) {
		t.Errorf("script counted %s cells, want %d", got, wantCells)
	}
	// The script un-hides its controls; hidden ones mean it stopped early.
	if c := byID(doc, "controls"); c == nil || hasAttr(c, "hidden") {
		t.Error("filter controls still hidden after the script ran")
	}

	sawReady := false
	for _, m := range consoleLine.FindAllStringSubmatch(string(stderr), -1) {
		if strings.HasPrefix(m[1], "appilint-report ready:") {
			sawReady = true
			continue
		}
		t.Errorf("console message: %s", m[1])
	}
	if strings.Contains(string(stderr), "Uncaught") {
		t.Errorf("uncaught exception:\n%s", stderr)
	}
	if !sawReady {
		// Without it the console check above proves nothing.
		t.Errorf("the script's ready line is not in Chromium's log: console capture broken?\n%s", stderr)
	}

	shot := filepath.Join(tmp, "report-screenshot.png")
	runChromium(t, tmp, "--screenshot="+shot, "--window-size=1400,1000", "--hide-scrollbars", url)
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG")) || len(png) < 10_000 {
		t.Fatalf("screenshot is not a plausible PNG (%d bytes)", len(png))
	}
	// The copy in docs/ is for people to look at; CI's clone may be read-only.
	docs := filepath.Join("..", "..", "docs", "report-screenshot.png")
	if err := os.WriteFile(docs, png, 0o644); err != nil {
		t.Logf("screenshot not copied to docs/: %v", err)
	}
	t.Logf("screenshot: %s (%d bytes)", shot, len(png))
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// runChromium runs headless Chromium with a fresh profile under tmp and no
// network chatter, killing its whole process group after 60 s.
func runChromium(t *testing.T, tmp string, args ...string) (stdout, stderr []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	profile, err := os.MkdirTemp(tmp, "profile-")
	if err != nil {
		t.Fatal(err)
	}
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
	}
	cmd := exec.CommandContext(ctx, chromiumBin, append(base, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+tmp)
	// Chromium's helper processes inherit the pipes: kill the group, and
	// stop waiting for the pipes soon after.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("chromium timed out after 60 s\n%s", errOut.Bytes())
	}
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, errOut.Bytes())
	}
	return out.Bytes(), errOut.Bytes()
}
