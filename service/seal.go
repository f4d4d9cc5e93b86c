package service

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/outfile"
	"github.com/sipmote/sipmote/seal"
	"github.com/sipmote/sipmote/store"
)

// A plan handed over sealed: the JSON export with every version, and the
// plan's trail, in one signed JSON document (the bundle) inside an age
// file. The seal package encrypts and signs; the service decides what goes
// in, what the trail records, and checks what comes out as import does.

// bundleFormat names the sealed bundle; a later format raises the version.
const (
	bundleFormat  = "sipmote-sealed"
	bundleVersion = 1
	// MaxSealed caps the plain text of a sealed plan: a plan's export is
	// capped well below this, and the trail rarely passes a megabyte.
	MaxSealed = 64 << 20
)

type bundle struct {
	Format   string          `json:"format"`
	Version  int             `json:"format_version"`
	SealedAt time.Time       `json:"sealed_at"`
	By       string          `json:"sealed_by,omitempty"`
	From     string          `json:"sealed_from,omitempty"`
	Signer   *bundleKey      `json:"signer,omitempty"`
	To       []bundleKey     `json:"to"`
	Trail    []TrailEvent    `json:"trail"`
	Export   json.RawMessage `json:"export"`
}

type bundleKey struct {
	Key         string `json:"key"`
	Fingerprint string `json:"fingerprint"`
	Comment     string `json:"comment,omitempty"`
}

// ErrSignerMismatch is a bundle that names another key than the one whose
// signature it carries.
var ErrSignerMismatch = errors.New("service: the signature is not by the key the file names")

// ErrNewerSealed is a sealed file from a newer sipmote.
var ErrNewerSealed = errors.New("service: the sealed file is of a newer format")

// SealOptions say for whom and where a plan is sealed.
type SealOptions struct {
	To     []seal.Recipient
	Signer *seal.Signer
	// File is the new file to write; when empty a free name in Dir
	// (sipmote-plan-ID8-DATE.age) is taken.
	File string
	Dir  string
}

// SealPlan writes the plan ref names, with its versions and its trail, as
// a new sealed file (0600, never over another file) for o.To, signed by
// o.Signer, and records in the plan's trail who sealed it with which key
// for whom. It returns the file's path. A plan whose consent is withdrawn
// is refused with ErrSealWithheld before anything is read or written.
func (s *Service) SealPlan(ctx context.Context, ref string, o SealOptions) (string, error) {
	p, err := s.Load(ctx, ref)
	if err != nil {
		return "", err
	}
	if wholeRecordWithheld(p) {
		return "", ErrSealWithheld
	}
	trail, err := s.db.Trail(p.ID)
	if err != nil {
		return "", err
	}
	exp, err := model.EncodeExport(p)
	if err != nil {
		return "", err
	}
	b := bundle{Format: bundleFormat, Version: bundleVersion, SealedAt: s.o.Now().UTC(), By: s.osUser,
		From: store.CurrentFrom(), Trail: trail, Export: exp}
	if b.Trail == nil {
		b.Trail = []TrailEvent{}
	}
	var fps []string
	for _, r := range o.To {
		b.To = append(b.To, bundleKey{Key: r.Key, Fingerprint: r.Fingerprint, Comment: r.Name})
		fps = append(fps, r.Fingerprint)
	}
	if o.Signer != nil {
		b.Signer = &bundleKey{Key: string(bytes.TrimSpace(ssh.MarshalAuthorizedKey(o.Signer.PublicKey()))),
			Fingerprint: o.Signer.Fingerprint, Comment: o.Signer.Comment}
	}
	content, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := seal.Seal(&buf, content, o.To, o.Signer); err != nil {
		return "", err
	}
	path := o.File
	if path == "" {
		name := "sipmote-plan-" + p.ID[:8] + "-" + s.o.Now().Format("20060102") + ".age"
		if path, err = outfile.WriteFree(filepath.Join(o.Dir, name), buf.Bytes()); err != nil {
			return "", &FileError{Path: filepath.Join(o.Dir, name), Err: err}
		}
	} else if err := outfile.Write(path, buf.Bytes(), false); err != nil {
		return "", &FileError{Path: path, Err: err}
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	e := store.TrailEvent{At: s.o.Now(), Kind: store.TrailSealed, OSUser: s.osUser, To: fps}
	if o.Signer != nil {
		e.Key = o.Signer.Fingerprint
	}
	_ = s.db.Log(p.ID, e)
	return path, nil
}

// MaySeal says, before a recipient is chosen and a passphrase typed,
// whether the plan ref names may be sealed for hand-over: it fails as
// SealPlan would for a plan whose consent is withdrawn.
func (s *Service) MaySeal(ctx context.Context, ref string) error {
	p, err := s.Load(ctx, ref)
	if err != nil {
		return err
	}
	if wholeRecordWithheld(p) {
		return ErrSealWithheld
	}
	return nil
}

// Sealed is a sealed file read and checked, not yet stored.
type Sealed struct {
	// Plan is the plan it holds, checked as import checks it, with a new id.
	Plan *model.Plan
	// Signed says whether a signature was found and checked; Fingerprint
	// is the signing key's (as ssh-keygen -l shows it), Comment the
	// comment the sender's key carries.
	Signed      bool
	Fingerprint string
	Comment     string
	// SealedAt, By and From say when, by which account and on which
	// computer it was sealed; zero for a file the age tool encrypted.
	SealedAt time.Time
	By, From string
	// Trail is the sender's trail of the plan that came with it.
	Trail []TrailEvent
}

// ReadSealed is CheckSealed at the service's clock.
func (s *Service) ReadSealed(ctx context.Context, o *seal.Opened) (*Sealed, error) {
	return CheckSealed(o, s.o.Now())
}

// CheckSealed checks what seal.Open found: a sipmote bundle, whose named
// signer must be the key that signed it, or a plain JSON export that the
// age tool encrypted. The plan is checked as import checks it, as of now
// (a *model.ImportError lists the problems). It needs no database, so that
// open can check a file before it creates one to store the plan in.
// Nothing is stored.
func CheckSealed(o *seal.Opened, now time.Time) (*Sealed, error) {
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"format_version"`
	}
	_ = json.Unmarshal(o.Content, &head)
	sd := &Sealed{Signed: o.Signed, Fingerprint: o.Fingerprint}
	export := o.Content
	if head.Format == bundleFormat {
		if head.Version > bundleVersion {
			return nil, ErrNewerSealed
		}
		var b bundle
		if err := json.Unmarshal(o.Content, &b); err != nil {
			return nil, ErrUnreadable
		}
		if o.Signed {
			if b.Signer == nil {
				return nil, ErrSignerMismatch
			}
			k, _, _, _, err := ssh.ParseAuthorizedKey([]byte(b.Signer.Key))
			if err != nil || !bytes.Equal(k.Marshal(), o.Key.Marshal()) {
				return nil, ErrSignerMismatch
			}
			sd.Comment = b.Signer.Comment
		}
		sd.SealedAt, sd.By, sd.From, sd.Trail, export = b.SealedAt, b.By, b.From, b.Trail, b.Export
	}
	p, err := model.DecodeExport(bytes.NewReader(export), now)
	if err != nil {
		if _, ok := err.(*model.ImportError); !ok {
			err = errors.Join(ErrUnreadable, err)
		}
		return nil, err
	}
	sd.Plan = p
	return sd, nil
}

// SaveSealed stores a plan read by ReadSealed as a new plan, with the
// sender's trail carried over (marked as such) and the import recorded
// with the key that signed it, all in one transaction.
func (s *Service) SaveSealed(ctx context.Context, sd *Sealed) error {
	sd.Plan.UpdatedAt = s.o.Now()
	var events []store.TrailEvent
	for _, e := range sd.Trail {
		if e.Kind == "" {
			continue
		}
		e.Carried = true
		events = append(events, e)
	}
	how := "age"
	if sd.Signed {
		how = "sealed"
	}
	events = append(events, store.TrailEvent{At: s.o.Now(), Kind: store.TrailImported, Section: how, OSUser: s.osUser, Key: sd.Fingerprint})
	return s.db.SaveNewPlan(sd.Plan, events...)
}
