package postgres

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/internal/pgtest"

	"github.com/sipmote/sipmote/model"
)

// summary2 is a plain summary record in summary format 2 (schema 3), as
// an older sipmote wrote it: 'S', the compact summary, its CRC-32C.
func summary2(s *model.Summary) []byte {
	str := func(b []byte, v string) []byte { return append(binary.AppendUvarint(b, uint64(len(v))), v...) }
	b := []byte{'S', 0x02}
	for _, v := range []string{s.ID, s.Person, s.PNRMasked, string(s.Status), string(s.Variant), s.MeetingDate, s.NextFollowUp, s.ConsentUntil} {
		b = str(b, v)
	}
	b = binary.AppendVarint(b, int64(s.Version))
	b = append(b, 0)               // flags
	b = binary.AppendUvarint(b, 0) // ticks
	b = binary.AppendUvarint(b, 0) // dates
	tb, _ := s.UpdatedAt.AppendBinary(nil)
	b = str(b, string(tb))
	tab := crc32.MakeTable(crc32.Castagnoli)
	c := crc32.Update(0, tab, []byte("summaries\x00"+s.ID+"\x00"))
	return binary.BigEndian.AppendUint32(b, crc32.Update(c, tab, b))
}

// TestSummariesUpgraded: a database of schema 3, whose summaries are in
// the format before the index, has them written again once, in format 3,
// when this version opens it; the index reads the same plans.
func TestSummariesUpgraded(t *testing.T) {
	dsn := pgtest.DSN(t)
	d := openT(t, dsn)
	a := model.NewPlan(model.Person{Name: "Örjan Ek", PNR: "19121212-1212"}, testNow)
	b := model.NewPlan(model.Person{Name: "Anna Berg"}, testNow)
	for _, p := range []*model.Plan{a, b} {
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	for _, p := range []*model.Plan{a, b} {
		s := p.Summarise()
		s.Dates, s.Ticks = nil, nil
		if err := execSQL(dsn, `UPDATE sipmote_summaries SET summary = $2 WHERE id = $1`, p.ID, summary2(&s)); err != nil {
			t.Fatal(err)
		}
	}
	sql(t, dsn, `UPDATE sipmote_meta SET value = '3' WHERE key = 'schema'`)

	d = openT(t, dsn)
	if d.Migrated() != 3 {
		t.Errorf("Migrated = %d, want 3", d.Migrated())
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	rows, _ := c.Query(ctx, `SELECT summary FROM sipmote_summaries`)
	raws, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
	if err != nil || len(raws) != 2 {
		t.Fatalf("%d summaries, %v", len(raws), err)
	}
	for _, raw := range raws {
		if raw[0] != 'S' || raw[1] != 0x03 {
			t.Errorf("a summary is %q/%x after the migration, want plain, format 3", raw[0], raw[1])
		}
	}
	entries, err := d.Index()
	if err != nil || len(entries) != 2 {
		t.Fatalf("index: %d, %v", len(entries), err)
	}
	model.SortEntries(entries)
	sa, sb := a.Summarise(), b.Summarise()
	if want := []model.ListEntry{sb.Entry(), sa.Entry()}; !reflect.DeepEqual(entries, want) {
		t.Errorf("index %+v, want %+v", entries, want)
	}
}

func execSQL(dsn, stmt string, args ...any) error {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	_, err = c.Exec(ctx, stmt, args...)
	return err
}
