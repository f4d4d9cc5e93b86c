package cli

import (
	"errors"

	"github.com/sipmote/sipmote/outfile"
)

// writeFile writes a file the user asked for (-o): new, private, never
// through a symbolic link, replacing an existing file only with --force.
func (a *app) writeFile(path string, data []byte, force bool) error {
	return fileError(path, outfile.Write(path, data, force))
}

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
	return fail("kunde inte skriva filen "+path, "could not write the file "+path)
}
