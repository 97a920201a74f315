package scan

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/appilint/appilint/internal/atomicfile"
)

// state is DIR/state.json: which inputs are done, for --resume. It is
// rewritten atomically every few seconds and at the end. results.jsonl is
// the final word: an input recorded there after the last state save is
// done too.
type state struct {
	path  string
	file  stateFile
	prior map[string]bool // done before this run; read-only once open
}

type stateFile struct {
	Version   int       `json:"version"`
	StartedAt time.Time `json:"started_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Finished  bool      `json:"finished"` // every input was recorded
	Done      []string  `json:"done"`     // IDs of recorded inputs
}

// openState starts a new state, or with resume loads the old one and the
// IDs in results.jsonl (cutting off a line left half-written by a crash).
func openState(dir string, resume bool) (*state, error) {
	st := &state{
		path:  filepath.Join(dir, StateFile),
		file:  stateFile{Version: 1, StartedAt: time.Now().UTC()},
		prior: map[string]bool{},
	}
	if !resume {
		if err := os.Remove(st.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return st, nil
	}
	if data, err := os.ReadFile(st.path); err == nil {
		var old stateFile
		// A damaged state file is not fatal: results.jsonl has the IDs too.
		if json.Unmarshal(data, &old) == nil {
			st.file.StartedAt = old.StartedAt
			for _, id := range old.Done {
				st.addPrior(id)
			}
		}
	}
	ids, err := recordedIDs(filepath.Join(dir, ResultsFile))
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		st.addPrior(id)
	}
	return st, nil
}

func (st *state) addPrior(id string) {
	if !st.prior[id] {
		st.prior[id] = true
		st.file.Done = append(st.file.Done, id)
	}
}

// add records an input done by this run; the producer never hands out an
// input twice, so no check is needed (and the writer does not touch the
// map the producer reads).
func (st *state) add(id string) {
	st.file.Done = append(st.file.Done, id)
}

func (st *state) save(finished bool) error {
	st.file.Finished = finished
	st.file.UpdatedAt = time.Now().UTC()
	data, err := json.Marshal(st.file)
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(st.path, data, 0o644)
}

// recordedIDs reads the IDs of results.jsonl and truncates a trailing
// partial line so that appending starts on a fresh line.
func recordedIDs(path string) ([]string, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var ids []string
	var good int64 // end of the last complete line
	br := bufio.NewReaderSize(f, 64<<10)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			good += int64(len(line))
			var r struct {
				ID string `json:"id"`
			}
			if json.Unmarshal(bytes.TrimSpace(line), &r) == nil && r.ID != "" {
				ids = append(ids, r.ID)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if fi, err := f.Stat(); err == nil && fi.Size() > good {
		if err := f.Truncate(good); err != nil {
			return nil, err
		}
	}
	return ids, nil
}
