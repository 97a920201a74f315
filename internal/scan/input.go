package scan

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/appilint/appilint/internal/fetch"
)

// Input is one document to check.
type Input struct {
	Source  string // the path, or the URL without credentials
	URL     string // the URL to fetch, as given (may hold credentials); "" for files
	Company string // from the URL list's name column
	Err     string // the input itself is bad (no match, symlink loop): recorded as is
}

// ID is stable across runs: the key of --resume.
func (in Input) ID() string {
	sum := sha256.Sum256([]byte(in.Source))
	return hex.EncodeToString(sum[:8])
}

// textExts are the file types a directory or a glob without an extension
// picks up: the ones internal/load reads.
var textExts = map[string]bool{
	".txt": true, ".text": true, ".md": true, ".markdown": true, ".html": true, ".htm": true, ".xhtml": true,
	".docx": true, ".pdf": true,
}

// maxDepth stops a walk that goes on forever for reasons other than a
// symlink loop (bind mounts, generated trees).
const maxDepth = 64

// expander turns arguments into inputs, one at a time.
type expander struct {
	ctx     context.Context
	exclude string // absolute path of the output directory: never scanned
	emit    func(Input) bool
}

// isURL reports whether an argument is a URL rather than a path.
func isURL(arg string) bool {
	l := strings.ToLower(arg)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// urlInput makes the input of a URL; a missing scheme means https.
func urlInput(raw, company string) Input {
	raw = strings.TrimSpace(raw)
	if !strings.Contains(raw, "://") && strings.Contains(strings.SplitN(raw, "/", 2)[0], ".") {
		raw = "https://" + raw
	}
	in := Input{Source: fetch.Redact(raw), URL: raw, Company: company}
	if _, err := fetch.ParseURL(raw); err != nil {
		in.Err = err.Error()
	}
	return in
}

// arg expands one command-line argument: a URL, a file, a directory
// (recursively) or a glob (with ** for any depth).
func (x *expander) arg(arg string) bool {
	if isURL(arg) {
		return x.emit(urlInput(arg, ""))
	}
	fi, err := os.Stat(arg)
	switch {
	case err == nil && fi.IsDir():
		return x.walk(arg, -1, func(p, _ string) bool { return textExts[strings.ToLower(filepath.Ext(p))] })
	case err == nil:
		return x.emit(Input{Source: filepath.Clean(arg)})
	case strings.ContainsAny(arg, "*?["):
		return x.glob(arg)
	}
	return x.emit(Input{Source: filepath.Clean(arg), Err: fileProblem(err)})
}

func fileProblem(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file or directory"
	case os.IsPermission(err):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error() // without the path, which the record has
	}
	return err.Error()
}

// glob walks the pattern's fixed leading directories and matches the rest.
// Without an extension in its last element, it only picks up text files.
func (x *expander) glob(pattern string) bool {
	segs := strings.Split(filepath.ToSlash(pattern), "/")
	i := 0
	for i < len(segs)-1 && !strings.ContainsAny(segs[i], "*?[") {
		i++
	}
	base := strings.Join(segs[:i], "/")
	if base == "" {
		base = "."
		if strings.HasPrefix(pattern, "/") {
			base = "/"
		}
	}
	rest := segs[i:]
	for _, s := range rest {
		if _, err := path.Match(s, ""); err != nil {
			return x.emit(Input{Source: pattern, Err: "bad glob pattern: " + err.Error()})
		}
	}
	if fi, err := os.Stat(base); err != nil || !fi.IsDir() {
		return x.emit(Input{Source: pattern, Err: "no files match the pattern"})
	}
	anyExt := strings.Contains(rest[len(rest)-1], ".")
	matched := false
	// Without ** the pattern says how deep to go.
	depth := len(rest) - 1
	if slices.Contains(rest, "**") {
		depth = -1
	}
	ok := x.walk(filepath.FromSlash(base), depth, func(p, rel string) bool {
		if !anyExt && !textExts[strings.ToLower(filepath.Ext(p))] {
			return false
		}
		if matchSegments(rest, strings.Split(rel, "/")) {
			matched = true
			return true
		}
		return false
	})
	if ok && !matched {
		return x.emit(Input{Source: pattern, Err: "no files match the pattern"})
	}
	return ok
}

// matchSegments matches path segments against glob segments, where "**"
// matches any number of segments (including none).
func matchSegments(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for k := 0; k <= len(segs); k++ {
				if matchSegments(pat[1:], segs[k:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// walk visits the files under root in lexical order, following symlinks.
// A symlink that leads back to a directory being walked is recorded as an
// error instead of being followed forever (several walks over the same
// tree record it again; Run drops the repeats by ID). want(path, rel)
// chooses files; rel is slash-separated and relative to root. depth limits
// how many directory levels below root are visited (-1: all). walk
// returns false when the batch is stopping.
func (x *expander) walk(root string, depth int, want func(p, rel string) bool) bool {
	fi, err := os.Stat(root)
	if err != nil {
		return x.emit(Input{Source: filepath.Clean(root), Err: fileProblem(err)})
	}
	if x.excluded(root) {
		return x.emit(Input{Source: filepath.Clean(root), Err: "is the output directory; not scanned"})
	}
	var visit func(dir, rel string, ancestors []namedInfo) bool
	visit = func(dir, rel string, ancestors []namedInfo) bool {
		if x.ctx.Err() != nil {
			return false
		}
		if len(ancestors) > maxDepth {
			return x.emit(Input{Source: dir, Err: fmt.Sprintf("directory tree deeper than %d levels; not descending", maxDepth)})
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return x.emit(Input{Source: dir, Err: "cannot read directory: " + fileProblem(err)})
		}
		for _, e := range entries {
			name := e.Name()
			p := filepath.Join(dir, name)
			r := path.Join(rel, name)
			if strings.HasPrefix(name, ".") || x.excluded(p) {
				continue // hidden (.git) and our own output
			}
			info, err := e.Info()
			if err != nil {
				continue // removed while walking
			}
			if info.Mode()&fs.ModeSymlink != 0 {
				target, err := os.Stat(p)
				if err != nil {
					if want(p, r) && !x.emit(Input{Source: p, Err: "broken symbolic link"}) {
						return false
					}
					continue
				}
				info = target
			}
			switch {
			case info.IsDir():
				if depth >= 0 && len(ancestors) > depth {
					continue
				}
				if loop := ancestorOf(info, ancestors); loop != "" {
					if !x.emit(Input{Source: p, Err: "symbolic link loop: leads back to " + loop}) {
						return false
					}
					continue
				}
				if !visit(p, r, append(ancestors[:len(ancestors):len(ancestors)], namedInfo{info, p})) {
					return false
				}
			case info.Mode().IsRegular() && want(p, r):
				if !x.emit(Input{Source: p}) {
					return false
				}
			}
		}
		return true
	}
	return visit(root, "", []namedInfo{{fi, filepath.Clean(root)}})
}

// namedInfo remembers the path a directory was reached by, for messages.
type namedInfo struct {
	os.FileInfo
	path string
}

func ancestorOf(fi os.FileInfo, ancestors []namedInfo) string {
	for _, a := range ancestors {
		if os.SameFile(a.FileInfo, fi) {
			return a.path
		}
	}
	return ""
}

func (x *expander) excluded(p string) bool {
	if x.exclude == "" {
		return false
	}
	abs, err := filepath.Abs(p)
	return err == nil && abs == x.exclude
}
