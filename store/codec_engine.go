package store

import (
	"crypto/cipher"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sipmote/sipmote/model"
)

// Codec turns the values of one database into the sealed records an engine
// keeps, and back. It is the one record codec of every engine: the bbolt
// file and PostgreSQL store the very same envelopes (record.go), named by
// the same bucket and key, so that a checksum, a seal or an authentication
// added to the envelope holds on both without an engine knowing of it.
// An engine sees only what Seal* returns and the ids it stores it under;
// with an encrypted database that is ciphertext.
//
// A Codec is safe for concurrent use once made.
type Codec struct {
	aead cipher.AEAD
	// crypt is the wrapped data key kept with the database, nil for a
	// plain one.
	crypt *cryptMeta
	// mac is the user's record key that authenticates the records of a
	// plain database (see keys.go); nil when there is none.
	mac *macKey
}

func (c *Codec) ring() keyring { return keyring{aead: c.aead, mac: c.mac} }

// PlainCodec is the codec of a database that is not encrypted.
func PlainCodec() *Codec { return &Codec{} }

// NewCodec makes a new random data key wrapped under pass, for a new
// encrypted database. kdf nil means DefaultKDF.
func NewCodec(pass []byte, kdf *KDFParams) (*Codec, error) {
	p := DefaultKDF
	if kdf != nil {
		p = *kdf
	}
	aead, m, err := newDataKey(pass, p)
	if err != nil {
		return nil, err
	}
	return &Codec{aead: aead, crypt: m}, nil
}

// UnlockCodec opens the data key kept in a database's header (Header's
// bytes) with the passphrase ask gives: ErrEncrypted without ask,
// ErrPassphrase for a wrong one. An empty header is a plain database.
func UnlockCodec(header []byte, ask Passphrase) (*Codec, error) {
	if len(header) == 0 {
		return PlainCodec(), nil
	}
	var m cryptMeta
	if err := json.Unmarshal(header, &m); err != nil {
		return nil, fmt.Errorf("%w: the encryption header cannot be read", ErrCorrupt)
	}
	aead, err := unlockWith(&m, ask)
	if err != nil {
		return nil, err
	}
	return &Codec{aead: aead, crypt: &m}, nil
}

// Encrypted tells whether records are sealed.
func (c *Codec) Encrypted() bool { return c.aead != nil }

// Header is the wrapped data key to keep with the database, nil for a
// plain one. It holds no key in the clear.
func (c *Codec) Header() ([]byte, error) {
	if c.crypt == nil {
		return nil, nil
	}
	return json.Marshal(c.crypt)
}

// Codec is the codec of the file.
func (d *DB) Codec() *Codec { return &Codec{aead: d.aead, crypt: d.crypt, mac: d.mac} }

func (c *Codec) seal(bkt string, key []byte, v any) ([]byte, error) {
	inner, err := encode(v)
	if err != nil {
		return nil, err
	}
	return sealRecord(c.ring(), bkt, key, inner)
}

func (c *Codec) open(bkt string, key, raw []byte, v any) error {
	inner, err := openRecord(c.ring(), bkt, key, raw)
	if err != nil {
		return err
	}
	return decode(inner, v)
}

// SealPlan seals a plan and its list summary.
func (c *Codec) SealPlan(p *model.Plan) (plan, summary []byte, err error) {
	if p == nil || p.ID == "" {
		return nil, nil, ErrNoID
	}
	if plan, err = c.seal(bucketPlans, []byte(p.ID), p); err != nil {
		return nil, nil, fmt.Errorf("store: encoding plan %s: %w", p.ID, err)
	}
	if summary, err = c.seal(bucketSummaries, []byte(p.ID), p.Summarise()); err != nil {
		return nil, nil, fmt.Errorf("store: encoding summary %s: %w", p.ID, err)
	}
	return plan, summary, nil
}

// OpenPlan opens a plan record kept under id: ErrDamagedRecord when it
// fails its checksum or seal.
func (c *Codec) OpenPlan(id string, raw []byte) (*model.Plan, error) {
	var p model.Plan
	if err := c.open(bucketPlans, []byte(id), raw, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// OpenSummary opens a summary record kept under id into s.
func (c *Codec) OpenSummary(id string, raw []byte, s *model.Summary) error {
	return c.open(bucketSummaries, []byte(id), raw, s)
}

// SealDraft and OpenDraft are an editor draft of plan id.
func (c *Codec) SealDraft(id string, ed EditorDraft) ([]byte, error) {
	return c.seal(bucketDrafts, []byte(id), ed)
}

func (c *Codec) OpenDraft(id string, raw []byte) (EditorDraft, error) {
	var ed EditorDraft
	err := c.open(bucketDrafts, []byte(id), raw, &ed)
	return ed, err
}

// FormKey is the key a form draft is kept under, among the editor drafts;
// it can never be a plan id.
func FormKey(name string) string { return formKeyPrefix + name }

// SealForm and OpenForm are the draft of a form, kept under FormKey.
func (c *Codec) SealForm(name string, values any, at time.Time) ([]byte, error) {
	return c.seal(bucketDrafts, []byte(FormKey(name)), formRecord{SavedAt: at, Values: values})
}

func (c *Codec) OpenForm(name string, raw []byte, values any) (time.Time, error) {
	rec := formRecord{Values: values}
	err := c.open(bucketDrafts, []byte(FormKey(name)), raw, &rec)
	return rec.SavedAt, err
}

// FileTrailOwner owns the database's own trail events, where a plan id
// would be; plan ids are UUIDs, so it cannot clash with one.
const FileTrailOwner = fileTrail

// SealEvent seals the trail event e, whose owner (a plan id or
// FileTrailOwner) and Seq are filled in, and returns the hash the next
// event in both chains carries of it.
func (c *Codec) SealEvent(owner string, e TrailEvent) (raw []byte, hash string, err error) {
	inner, err := encode(e)
	if err != nil {
		return nil, "", err
	}
	raw, err = sealRecord(c.ring(), trailBucket(owner), seqKey(e.Seq), inner)
	return raw, eventHash(inner), err
}

// OpenEvent opens the trail event kept as number seq of owner, and returns
// its chain hash.
func (c *Codec) OpenEvent(owner string, seq uint64, raw []byte) (TrailEvent, string, error) {
	var e TrailEvent
	inner, err := openRecord(c.ring(), trailBucket(owner), seqKey(seq), raw)
	if err != nil {
		return e, "", err
	}
	if err := decode(inner, &e); err != nil {
		return e, "", err
	}
	return e, eventHash(inner), nil
}

// ChainEvent fills in what the store sets on an event it appends: its
// owner, its numbers, the links to the events before it in its own chain
// (prev) and the database's (filePrev), and the defaults of Log.
func ChainEvent(e *TrailEvent, owner string, seq, fileSeq uint64, prev, filePrev string) error {
	if !knownKind(e.Kind) {
		return fmt.Errorf("store: log: %w", ErrBadEvent)
	}
	fillEvent(e)
	e.Plan = owner
	if owner == fileTrail {
		e.Plan = ""
	}
	e.Seq, e.FileSeq, e.Prev, e.FilePrev = seq, fileSeq, prev, filePrev
	return nil
}

// KnownKind tells whether k is one of the Trail* kinds this version knows.
func KnownKind(k string) bool { return knownKind(k) }
