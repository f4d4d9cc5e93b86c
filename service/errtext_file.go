package service

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"

	"github.com/sipmote/sipmote/model"
)

// FileErrorText says in l why a file the user named (-o, a print to a
// file, a sealed file) could not be written: its folder is missing or is
// not a folder, the user may not write there, the disk is full. It names
// only the path the user gave, and says that nothing was written.
func FileErrorText(l model.Lang, path string, err error) string {
	dir := filepath.Dir(path)
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		return model.T(l, "sökvägen "+dir+" är inte en mapp (en del av den är en fil); inget skrevs. Välj en annan plats.",
			"the path "+dir+" is not a folder (a part of it is a file); nothing was written. Choose another place.")
	case errors.Is(err, fs.ErrNotExist):
		return model.T(l, "mappen "+dir+" finns inte; inget skrevs. Skapa mappen först, eller välj en annan plats.",
			"the folder "+dir+" does not exist; nothing was written. Make the folder first, or choose another place.")
	case errors.Is(err, fs.ErrPermission):
		return model.T(l, "du får inte skriva i mappen "+dir+" (behörighet saknas); inget skrevs. Välj en annan plats.",
			"you may not write in the folder "+dir+" (permission denied); nothing was written. Choose another place.")
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return model.T(l, "disken är full; filen "+path+" skrevs inte. Frigör utrymme, eller välj en annan plats.",
			"the disk is full; the file "+path+" was not written. Free some space, or choose another place.")
	case errors.Is(err, syscall.EROFS):
		return model.T(l, "mappen "+dir+" går bara att läsa; inget skrevs. Välj en annan plats.",
			"the folder "+dir+" can only be read; nothing was written. Choose another place.")
	}
	return model.T(l, "kunde inte skriva filen "+path+"; inget skrevs", "could not write the file "+path+"; nothing was written")
}
