package checklists

import (
	"cmp"
	"embed"
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// defaultFS holds the default checklists. They are embedded so that the
// program works with no files installed, and so that a broken local routine
// always has something to fall back on.
//
//go:embed defaults/*.ini
var defaultFS embed.FS

// defaultDir is the directory of the defaults inside defaultFS; it is also
// the file name prefix problems in the defaults carry.
const defaultDir = "defaults"

// DefaultFile is one of the program's own checklist files.
type DefaultFile struct {
	Name string
	Data []byte
}

// Defaults returns the program's own checklist files in name order, to be
// written out: the easiest way to write a local routine is to start from a
// copy of them.
func Defaults() ([]DefaultFile, error) {
	names, err := iniFiles(defaultFS, defaultDir)
	if err != nil {
		return nil, err
	}
	files := make([]DefaultFile, 0, len(names))
	for _, n := range names {
		data, err := fs.ReadFile(defaultFS, path.Join(defaultDir, n))
		if err != nil {
			return nil, err
		}
		files = append(files, DefaultFile{Name: n, Data: data})
	}
	return files, nil
}

// Load returns the default checklists with the local routine in dir laid
// over them. It always returns a usable set: whatever cannot be used is
// left out and described in the problems, so a typo in a local file never
// stops a meeting.
//
// Files are read in name order, every file ending in .ini; a later file
// wins. A block with the id of an existing one changes the fields it gives;
// a new id adds a step or item (placed by "after = id" or "before = id",
// else last); "remove = true" drops one. dir == "" means the defaults only.
func Load(dir string) (*Set, []Problem) {
	m := newMerger()
	m.readFS(defaultFS, defaultDir, defaultDir, false)
	defaults := slices.Clone(m.lists[kindStep])
	if dir != "" {
		m.readDir(dir)
	}
	m.check(defaults)
	m.checkPhrases()
	return m.set(), m.problems
}

// ValidateDir checks a local routine and reports every problem with file
// and line, for "sipmote checklists validate". A directory with no
// checklist files is a problem too, since it is most likely the wrong one.
func ValidateDir(dir string) []Problem {
	_, probs := Load(dir)
	if names, err := iniFiles(os.DirFS(dir), "."); err == nil && len(names) == 0 {
		probs = append(probs, problem(dir, 0,
			"Mappen har inga filer som slutar på .ini.", "The directory has no files ending in .ini."))
	}
	return probs
}

// DefaultDir is where a local routine is looked for when no directory is
// given: $XDG_CONFIG_HOME/sipmote/checklists, else
// ~/.config/sipmote/checklists. It is "" when neither can be found.
func DefaultDir() string {
	return defaultDirFrom(os.Getenv, os.UserHomeDir)
}

func defaultDirFrom(getenv func(string) string, home func() (string, error)) string {
	if x := getenv("XDG_CONFIG_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "sipmote", "checklists")
	}
	h, err := home()
	if err != nil || h == "" {
		return ""
	}
	return filepath.Join(h, ".config", "sipmote", "checklists")
}

// Resolve picks the directory to Load: the --checklists flag when given
// (so that a wrong path is reported), else DefaultDir when it exists, else
// "" for the defaults only (most installations have no local routine, and
// that is not a problem).
func Resolve(flagDir string) string {
	if flagDir != "" {
		return flagDir
	}
	d := DefaultDir()
	if d == "" {
		return ""
	}
	if st, err := os.Stat(d); err != nil || !st.IsDir() {
		return ""
	}
	return d
}

func (m *merger) readDir(dir string) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		m.add(problem(dir, 0, "Mappen finns inte. De förvalda listorna används.",
			"The directory does not exist. The default lists are used."))
		return
	case err != nil:
		m.add(problem(dir, 0, "Mappen kan inte läsas. De förvalda listorna används.",
			"The directory cannot be read. The default lists are used."))
		return
	case !st.IsDir():
		m.add(problem(dir, 0, "Det här är en fil, inte en mapp. De förvalda listorna används.",
			"This is a file, not a directory. The default lists are used."))
		return
	}
	m.readFS(dirFS(dir), ".", dir, true)
}

// readFS applies every .ini file in root of fsys; display is the directory
// name problems carry, a path of the operating system when native.
func (m *merger) readFS(fsys fs.FS, root, display string, native bool) {
	names, err := iniFiles(fsys, root)
	if err != nil {
		m.add(problem(display, 0, "Mappen kan inte läsas. De förvalda listorna används.",
			"The directory cannot be read. The default lists are used."))
		return
	}
	for _, name := range names {
		file := path.Join(display, name)
		if native {
			file = filepath.Join(display, name)
		}
		data, err := readLimited(fsys, path.Join(root, name))
		if errors.Is(err, errNotRegular) {
			m.add(problem(file, 0, "Det här är ingen vanlig fil (kanske en rörledning eller en enhet); den hoppas över.",
				"This is not a regular file (perhaps a pipe or a device); it is skipped."))
			continue
		}
		if err != nil {
			m.add(problem(file, 0, "Filen kan inte läsas och används inte.", "The file cannot be read and is not used."))
			continue
		}
		recs, probs := parse(file, data)
		before := len(m.problems)
		m.problems = append(m.problems, probs...)
		m.apply(recs)
		// Report the file's problems in line order, as a reader goes.
		slices.SortStableFunc(m.problems[before:], func(a, b Problem) int {
			return cmp.Compare(lineKey(a, file), lineKey(b, file))
		})
	}
}

// lineKey orders problems of file by line, and any about other files
// after them.
func lineKey(p Problem, file string) int {
	if p.File != file {
		return math.MaxInt
	}
	return p.Line
}

// iniFiles lists the checklist files of a directory in name order. Hidden
// files and backups are skipped, so that an editor's leftovers are not
// read.
func iniFiles(fsys fs.FS, root string) ([]string, error) {
	ents, err := fs.ReadDir(fsys, root)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") || !strings.EqualFold(path.Ext(n), ".ini") {
			continue
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return names, nil
}

// errNotRegular marks a name that is not a regular file: a FIFO named
// routine.ini would block start-up for ever, a device could be endless.
var errNotRegular = errors.New("checklists: not a regular file")

// readLimited reads at most one byte more than parse accepts, so that a
// huge file is refused without reading it all. Anything but a regular
// file (after following links) is refused before it is opened, and checked
// again on the open file, since the name may change in between.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	return io.ReadAll(io.LimitReader(f, maxFileSize+1))
}
