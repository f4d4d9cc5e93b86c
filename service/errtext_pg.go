package service

import (
	"errors"
	"fmt"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store/postgres"
)

// pgErrorText says why a PostgreSQL server refused the connection when it
// was the login or TLS, each sending the user where it is mended: the
// password file, the address, or IT. ok is false for any other error.
func pgErrorText(l model.Lang, err error) (msg string, ok bool) {
	var te *postgres.TLSError
	var le *postgres.LoginError
	switch {
	case errors.As(err, &te):
		return tlsText(l, te), true
	case errors.As(err, &le):
		return loginText(l, le), true
	}
	return "", false
}

func tlsText(l model.Lang, e *postgres.TLSError) string {
	nothing := model.T(l, " Inget skickades till servern.", " Nothing was sent to the server.")
	switch e.Problem {
	case postgres.TLSRefused:
		return fmt.Sprintf(model.T(l,
			"databasservern svarar men erbjuder ingen krypterad anslutning (TLS), och adressen kräver en (sslmode=%s). Be IT slå på TLS i servern.",
			"the database server answers but offers no encrypted connection (TLS), which the address requires (sslmode=%s). Ask IT to turn on TLS in the server."), e.Mode) + nothing
	case postgres.TLSRootCert:
		return model.T(l,
			"CA-certifikatet som adressen pekar på (sslrootcert="+e.RootCert+") går inte att läsa; se efter att filen finns och är din.",
			"the CA certificate the address names (sslrootcert="+e.RootCert+") cannot be read; check that the file exists and is yours.") + nothing
	case postgres.TLSUnknownAuthority:
		if e.RootCert == "" {
			return model.T(l,
				"databasserverns certifikat kunde inte kontrolleras: det är inte utfärdat av någon som den här datorn litar på, och ~/.postgresql/root.crt finns inte. Lägg CA-certifikatet från IT där (eller ange det med sslrootcert=FIL i adressen).",
				"the database server's certificate could not be verified: it is not issued by anyone this computer trusts, and there is no ~/.postgresql/root.crt. Put the CA certificate IT gives you there (or name it with sslrootcert=FILE in the address).") + nothing
		}
		return model.T(l,
			"databasserverns certifikat kunde inte kontrolleras: det är inte utfärdat av CA-certifikatet i "+e.RootCert+". Be IT om rätt CA-certifikat.",
			"the database server's certificate could not be verified: it is not issued by the CA certificate in "+e.RootCert+". Ask IT for the right CA certificate.") + nothing
	case postgres.TLSHostname:
		return model.T(l,
			"databasserverns certifikat är inte gjort för namnet "+e.Host+" i adressen. Skriv serverns namn så som det står i certifikatet (fråga IT).",
			"the database server's certificate is not made for the name "+e.Host+" in the address. Write the server's name as its certificate has it (ask IT).") + nothing
	case postgres.TLSInvalid:
		return model.T(l,
			"databasserverns certifikat gäller inte (för gammalt, eller inte en servers); be IT förnya det.",
			"the database server's certificate is not valid (out of date, or not a server's); ask IT to renew it.") + nothing
	}
	return fmt.Sprintf(model.T(l,
		"databasserverns certifikat kunde inte kontrolleras (sslmode=%s); fråga IT.",
		"the database server's certificate could not be verified (sslmode=%s); ask IT."), e.Mode) + nothing
}

func loginText(l model.Lang, e *postgres.LoginError) string {
	switch {
	case e.Denied:
		return model.T(l,
			"databasservern släpper inte in användaren "+e.User+" från den här datorn, oavsett lösenord. Be IT om det (serverns pg_hba.conf behöver en rad för den, eller så får rollen inte logga in).",
			"the database server does not let the user "+e.User+" in from this computer, whatever the password. Ask IT (the server's pg_hba.conf needs a line for it, or the role may not log in).")
	case e.From == postgres.PasswordNone:
		return model.T(l,
			"databasservern vill ha ett lösenord för "+e.User+", och det finns inget i "+e.PassFile+" för "+e.Entry+". Lägg till raden "+e.Entry+":LÖSENORD där och gör filen privat (chmod 600 "+e.PassFile+"). Lösenordet skrivs aldrig i --db.",
			"the database server wants a password for "+e.User+", and "+e.PassFile+" has none for "+e.Entry+". Add the line "+e.Entry+":PASSWORD there and make the file private (chmod 600 "+e.PassFile+"). The password never goes in --db.")
	case e.From == postgres.PasswordFile:
		return model.T(l,
			"databasservern godtar inte lösenordet för "+e.User+" i "+e.PassFile+" (raden som börjar "+e.Entry+"). Rätta det där; fråga IT om det har bytts.",
			"the database server does not accept the password for "+e.User+" in "+e.PassFile+" (the line that begins "+e.Entry+"). Correct it there; ask IT if it was changed.")
	case e.From == postgres.PasswordEnv:
		return model.T(l,
			"databasservern godtar inte lösenordet för "+e.User+" i PGPASSWORD.",
			"the database server does not accept the password for "+e.User+" in PGPASSWORD.")
	}
	return model.T(l,
		"databasservern godtar inte användarnamnet eller lösenordet i adressen (--db). Lägg hellre lösenordet i ~/.pgpass (se README).",
		"the database server does not accept the user name or password in the address (--db). Keep the password in ~/.pgpass instead (see README).")
}
