package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A form draft is a form that is being filled in before there is a plan to
// hold it: the new-plan form, typed but not yet created. It is saved as it
// is typed, like everything else, so that a crash or a closed window does
// not lose it. It lives in the drafts bucket under "form:" and its name, a
// key that can never be a plan id, and goes through the codec like every
// record with personal data.
const formKeyPrefix = "form:"

// formRecord is what a form draft is stored as.
type formRecord struct {
	SavedAt time.Time `json:"saved_at"`
	Values  any       `json:"values"`
}

// SaveForm keeps values (any JSON-encodable value) as the draft of the form
// name, replacing an earlier one, in one fsynced transaction. It is sealed
// like every other record: an unsealed one fails its checksum at the next
// Open, which then takes the whole file for damaged and writes no more,
// and in an encrypted file it would lie there in plain.
func (d *DB) SaveForm(name string, values any, at time.Time) error {
	key := []byte(formKeyPrefix + name)
	v, err := d.sealValue(bucketDrafts, key, formRecord{SavedAt: at, Values: values})
	if err != nil {
		return fmt.Errorf("store: encoding form %s: %w", name, err)
	}
	return d.update(func(tx *bolt.Tx) error {
		return bucket(tx, bucketDrafts).Put(key, v)
	})
}

// LoadForm reads the draft of the form name into values; ok is false when
// there is none.
func (d *DB) LoadForm(name string, values any) (savedAt time.Time, ok bool, err error) {
	err = d.view(func(tx *bolt.Tx) error {
		key := []byte(formKeyPrefix + name)
		b := bucket(tx, bucketDrafts).Get(key)
		if b == nil {
			return nil
		}
		rec := formRecord{Values: values}
		if err := d.openValue(bucketDrafts, key, b, &rec); err != nil {
			return fmt.Errorf("store: form %s: %w", name, err)
		}
		savedAt, ok = rec.SavedAt, true
		return nil
	})
	return savedAt, ok, err
}

// ClearForm forgets the draft of the form name, once it has become a plan
// or the user has thrown it away. Clearing a form with no draft is not an
// error.
func (d *DB) ClearForm(name string) error {
	return d.update(func(tx *bolt.Tx) error {
		return bucket(tx, bucketDrafts).Delete([]byte(formKeyPrefix + name))
	})
}
