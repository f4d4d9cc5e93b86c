package cli

import (
	"errors"
	"io/fs"
	"os"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/outfile"
	"github.com/sipmote/sipmote/service"
)

// fileError says in the user's language why a file could not be written.
func fileError(path string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, outfile.ErrExists):
		return fail("filen "+path+" finns redan; välj ett annat namn eller lägg till --force för att ersätta den",
			"the file "+path+" already exists; choose another name or add --force to replace it")
	case errors.Is(err, outfile.ErrSymlink):
		return fail(path+" är en symbolisk länk; sipmote skriver inte genom länkar. Välj ett annat namn.",
			path+" is a symbolic link; sipmote does not write through links. Choose another name.")
	case errors.Is(err, outfile.ErrNotFile):
		return fail(path+" är en mapp eller en enhet, inte en fil", path+" is a folder or a device, not a file")
	}
	return fail(service.FileErrorText(model.Swedish, path, err), service.FileErrorText(model.English, path, err))
}

// openInput opens a file the user named to read (open, import): one that
// is not there, may not be read or is a folder is said so, naming only the
// path the user gave.
func openInput(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, inputError(path, err)
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, fail(path+" är en mapp, inte en fil", path+" is a folder, not a file")
	}
	return f, nil
}

// inputError says why a file the user named cannot be read.
func inputError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail("filen "+path+" finns inte. Se efter att namnet och mappen är rätt skrivna.",
			"the file "+path+" does not exist. Check that the name and the folder are spelt right.")
	case errors.Is(err, fs.ErrPermission):
		return fail("du får inte läsa filen "+path+" (behörighet saknas)", "you may not read the file "+path+" (permission denied)")
	}
	return fail("kan inte öppna filen "+path, "cannot open the file "+path)
}
