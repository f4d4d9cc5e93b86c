package service

import (
	"errors"
	"io"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/outfile"
)

// recordedWrite writes out to file (a new private file, outfile.WriteFrom)
// or, when file is empty, to w, and records it in plan id's trail as kind.
// The event is written after the file is known to be writable (its folder
// is there, the name is free or force is given, a temporary file in the
// folder is made) and before anything is in it: so a refused file is no
// event, and nothing leaves unrecorded, since an event the trail cannot
// take stops the writing. Should the writing fail after the event (a full
// disk, the name taken meanwhile, a closed pipe), a second event says that
// nothing came of it.
func (s *Service) recordedWrite(id, kind, secretary string, out []byte, w io.Writer, file string, force bool) error {
	recorded := false
	put := func(w io.Writer) error {
		if err := s.record(id, kind, "", secretary); err != nil {
			return err
		}
		recorded = true
		_, err := w.Write(out)
		return err
	}
	var err error
	var unrec *UnrecordedError
	if file == "" {
		err = put(w)
	} else if err = outfile.WriteFrom(file, force, put); err != nil && !errors.As(err, &unrec) {
		err = &FileError{Path: file, Err: err}
	}
	if err != nil && recorded {
		_ = s.db.Log(id, s.event(kind, model.TrailNotWritten, secretary))
	}
	return err
}
