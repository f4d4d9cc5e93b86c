package cli

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/term"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/seal"
	"github.com/sipmote/sipmote/service"
	"github.com/sipmote/sipmote/termsafe"
)

// multiFlag collects a flag given more than once (--to A --to B).
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// sshAsk asks for a key's passphrase without echo on the terminal; with no
// terminal it is nil, and a protected key is refused rather than waited
// for.
func (a *app) sshAsk() seal.Ask {
	fd, ok := a.stdinTerminal()
	if !ok {
		return nil
	}
	return func(path string) ([]byte, error) {
		fmt.Fprint(a.stderr, model.T(a.lang, "Lösenfras för nyckeln "+path+": ", "Passphrase of the key "+path+": "))
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(a.stderr)
		return b, err
	}
}

// recipients turns the --to arguments into keys, each key once. The
// recipients file is read only when a name needs it.
func (a *app) recipients(args []string) ([]seal.Recipient, error) {
	if len(args) == 0 {
		return nil, fail("ange minst en mottagare: --to NYCKEL (en .pub-fil, en age1…-nyckel, en fil med nycklar eller ett namn i "+seal.RecipientsFile()+")",
			"give at least one recipient: --to KEY (a .pub file, an age1… key, a file of keys or a name in "+seal.RecipientsFile()+")")
	}
	var named []seal.Named
	loaded := false
	seen := map[string]bool{}
	var out []seal.Recipient
	for _, arg := range args {
		if !loaded && seal.IsName(arg) {
			var err error
			if named, err = seal.LoadNamed(seal.RecipientsFile()); err != nil {
				return nil, err
			}
			loaded = true
		}
		rs, err := seal.ResolveRecipients(arg, named)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if !seen[r.Fingerprint] {
				seen[r.Fingerprint] = true
				out = append(out, r)
			}
		}
	}
	return out, nil
}

// keyring is the keys a file may be opened with: those given with
// --identity, else the user's own as ssh finds them.
func (a *app) keyring(ids []string) (*seal.Keyring, error) {
	kr := seal.NewKeyring(a.sshAsk())
	for _, p := range ids {
		if err := kr.Add(p); err != nil {
			return nil, err
		}
	}
	if len(ids) == 0 {
		if err := kr.AddDefaults(); err != nil {
			return nil, err
		}
	}
	return kr, nil
}

func recipientLabel(r seal.Recipient) string {
	if r.Name != "" {
		return r.Name + " (" + r.Fingerprint + ")"
	}
	return r.Fingerprint
}

func cmdSeal(a *app, args []string) error {
	fs := a.flags("seal")
	var to multiFlag
	fs.Var(&to, "to", "")
	signKey := fs.String("sign", "", "")
	out := fs.String("o", "", "")
	pos, err := a.parse(fs, "seal", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail("ange planens id: sipmote seal ID --to NYCKEL", "give the plan's id: sipmote seal ID --to KEY")
	}
	rs, err := a.recipients(to)
	if err != nil {
		return err
	}
	if *signKey == "" {
		if *signKey = seal.DefaultSignKey(); *signKey == "" {
			return fail("ingen nyckel att signera med: ~/.ssh/id_ed25519 finns inte. Ange --sign NYCKEL, eller skapa en med ssh-keygen -t ed25519. Inget har skrivits.",
				"no key to sign with: ~/.ssh/id_ed25519 does not exist. Give --sign KEY, or make one with ssh-keygen -t ed25519. Nothing was written.")
		}
	}
	// The database first: one that another program has is said at once,
	// before a passphrase is typed for nothing.
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	signer, err := seal.LoadSigner(*signKey, a.sshAsk())
	if err != nil {
		return err
	}
	path, err := db.SealPlan(a.ctx, pos[0], service.SealOptions{To: rs, Signer: signer, File: *out, Dir: "."})
	if err != nil {
		return err
	}
	var names []string
	for _, r := range rs {
		names = append(names, recipientLabel(r))
	}
	fmt.Fprintln(a.stdout, model.T(a.lang, "Förseglad fil sparad: ", "Sealed file saved: ")+path)
	fmt.Fprintln(a.stdout, model.T(a.lang, "  för: ", "  for: ")+strings.Join(names, ", "))
	fmt.Fprintln(a.stdout, model.T(a.lang, "  signerad med: ", "  signed with: ")+signer.Fingerprint+commentIn(signer.Comment))
	return nil
}

func commentIn(c string) string {
	if c == "" {
		return ""
	}
	return " (" + c + ")"
}

func cmdOpen(a *app, args []string) error {
	fs := a.flags("open")
	var ids multiFlag
	fs.Var(&ids, "identity", "")
	anyway := fs.Bool("anyway", false, "")
	pos, err := a.parse(fs, "open", args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fail("ange filen: sipmote open FIL [--identity NYCKEL]", "give the file: sipmote open FILE [--identity KEY]")
	}
	kr, err := a.keyring(ids)
	if err != nil {
		return err
	}
	f, err := openInput(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	a.mayCreate = true // the sealed plan becomes a new plan here
	// A database that is there is taken first, so that one a meeting has
	// is said before a key's passphrase is typed for nothing. One still to
	// be made is made only once the file has been opened and checked:
	// a file for someone else, or one that holds no plan, writes nothing.
	var db *service.Service
	if !a.dbToCreate() {
		if db, err = a.openDB(); err != nil {
			return err
		}
		defer db.Close()
	}
	opened, err := seal.Open(f, kr, service.MaxSealed)
	if err != nil {
		return err
	}
	sd, err := service.CheckSealed(opened, a.now())
	if err != nil {
		var ie *model.ImportError
		if errors.As(err, &ie) {
			return importFailure(ie, false)
		}
		if errors.Is(err, service.ErrUnreadable) {
			return fail("filen gick att öppna men innehåller ingen plan som kan läsas; inget har skrivits", "the file opened but holds no plan that can be read; nothing was written")
		}
		return err
	}
	if db == nil {
		if db, err = a.openDB(); err != nil {
			return err
		}
		defer db.Close()
	}
	// Who signed, before anything is written.
	if sd.Signed {
		// The name from the recipients list is one the user wrote; a
		// key's comment is the sender's own choice, and anyone can make
		// a key whose comment copies a colleague's name. So a name is
		// given as trusted only from the list, and a key not in it is
		// said to be unknown, its comment quoted as the key's own.
		var who string
		if n := a.knownAs(sd.Fingerprint); n != "" {
			who = model.T(a.lang, n+" i din mottagarlista — ", n+" in your recipients list — ") + sd.Fingerprint + commentIn(sd.Comment)
		} else {
			who = model.T(a.lang, "en nyckel som INTE finns i din mottagarlista: ", "a key NOT in your recipients list: ") + sd.Fingerprint
			if c := strings.TrimSpace(sd.Comment); c != "" {
				who += model.T(a.lang, " (nyckelns egen kommentar, som avsändaren väljer själv: \""+c+"\")",
					" (the key's own comment, which the sender chooses: \""+c+"\")")
			}
			who += model.T(a.lang, ". Jämför fingeravtrycket med avsändaren, t.ex. per telefon, innan du litar på planen.",
				". Compare the fingerprint with the sender, by phone for instance, before you trust the plan.")
		}
		fmt.Fprintln(a.stderr, model.T(a.lang, "Signerad av: ", "Signed by: ")+termsafe.String(who))
		if !sd.SealedAt.IsZero() {
			fmt.Fprintln(a.stderr, model.T(a.lang, "  förseglad ", "  sealed ")+sd.SealedAt.Local().Format("2006-01-02 15:04")+
				model.T(a.lang, " av ", " by ")+orDash(sd.By)+model.T(a.lang, " på ", " on ")+orDash(sd.From))
		}
	} else {
		fmt.Fprintln(a.stderr, model.T(a.lang, "OSIGNERAD: filen har ingen signatur, så det går inte att veta vem som skickade den.",
			"UNSIGNED: the file carries no signature, so who sent it cannot be known."))
	}
	if !*anyway {
		if err := a.onePlanPerPerson(db, sd.Plan); err != nil {
			return err
		}
	}
	if err := db.SaveSealed(a.ctx, sd); err != nil {
		return err
	}
	carried := model.T(a.lang, "händelser", "events")
	if len(sd.Trail) == 1 {
		carried = model.T(a.lang, "händelse", "event")
	}
	fmt.Fprintln(a.stderr, model.T(a.lang, "Planen är skapad som en ny plan", "The plan is created as a new plan")+
		fmt.Sprintf(model.T(a.lang, " (%d %s ur avsändarens logg följde med); dess id:", " (%d %s of the sender's trail came with it); its id:"), len(sd.Trail), carried))
	fmt.Fprintln(a.stdout, sd.Plan.ID)
	return nil
}

// knownAs is the name the recipients file gives a key, if any.
func (a *app) knownAs(fingerprint string) string {
	named, err := seal.LoadNamed(seal.RecipientsFile())
	if err != nil {
		return ""
	}
	for _, n := range named {
		if n.Fingerprint == fingerprint {
			return n.Name
		}
	}
	return ""
}
