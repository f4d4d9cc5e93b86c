package store

import (
	"encoding/json"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// Export reads the whole file as values (see Exporter): plans in id
// order, then drafts and forms, then the trail in the order of logging
// (the file's chain). A damaged record stops it with ErrDamagedRecord.
func (d *DB) Export(to ExportFuncs) error {
	return d.view(func(tx *bolt.Tx) error {
		if to.Plan != nil {
			err := eachPlanRecord(bucket(tx, bucketPlans), func(k, v []byte) error {
				var p model.Plan
				if err := d.openValue(bucketPlans, k, v, &p); err != nil {
					return err
				}
				return to.Plan(&p)
			})
			if err != nil {
				return err
			}
		}
		err := bucket(tx, bucketDrafts).ForEach(func(k, v []byte) error {
			if name, ok := strings.CutPrefix(string(k), formKeyPrefix); ok {
				if to.Form == nil {
					return nil
				}
				var raw json.RawMessage
				rec := formRecord{Values: &raw}
				if err := d.openValue(bucketDrafts, k, v, &rec); err != nil {
					return err
				}
				return to.Form(name, rec.SavedAt, raw)
			}
			if to.Draft == nil {
				return nil
			}
			var ed EditorDraft
			if err := d.openValue(bucketDrafts, k, v, &ed); err != nil {
				return err
			}
			return to.Draft(string(k), ed)
		})
		if err != nil || to.Event == nil {
			return err
		}
		return bucket(tx, bucketTrailIndex).ForEach(func(k, v []byte) error {
			var p trailPointer
			if err := d.openValue(bucketTrailIndex, k, v, &p); err != nil {
				return err
			}
			inner, err := d.pointedEvent(tx, k, v)
			if err != nil {
				return err
			}
			var e TrailEvent
			if err := decode(inner, &e); err != nil {
				return err
			}
			return to.Event(p.Owner, e)
		})
	})
}
