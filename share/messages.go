package share

import (
	"fmt"

	"github.com/sipmote/sipmote/model"
)

// What a device is told, in the session's language. Each is written for
// someone at the device, who sees nothing of the secretary's screen: it
// says what happened and what to do, never how the program is built.

// Why a device's program was ended by the server. The device is told
// after its terminal is restored, so the words stay on its screen.
type endReason int

const (
	endNone     endReason = iota // the device left by itself
	endShare                     // the secretary stopped sharing
	endMeeting                   // the meeting ended
	endDropped                   // the secretary let this device go
	endFault                     // this device's screen failed
	endNoScreen                  // the connection never asked for a screen
)

func (s *Server) t(sv, en string) string { return model.T(s.o.Lang, sv, en) }

// farewell is the last thing a device shows, on its own terminal once the
// meeting's screen is gone.
func (s *Server) farewell(why endReason) string {
	switch why {
	case endMeeting:
		return s.t("Mötet är avslutat. Skärmen kan stängas.", "The meeting has ended. This screen can be closed.")
	case endShare:
		return s.t("Mötet visas inte längre här. Skärmen kan stängas.", "The meeting is no longer shown here. This screen can be closed.")
	case endDropped:
		return s.t("Sekreteraren har kopplat från den här skärmen. Skärmen kan stängas.",
			"The secretary has disconnected this screen. It can be closed.")
	case endFault:
		return s.t("Skärmen kunde inte visas och kopplades från. Anslut igen med samma rad och kod; mötet fortsätter som vanligt.",
			"The screen could not be shown and was disconnected. Connect again with the same line and code; the meeting goes on as before.")
	}
	return ""
}

// msgOnlyScreen answers a command (ssh host cmd), scp and sftp.
func (s *Server) msgOnlyScreen(r Role) string {
	return s.t("Här visas bara mötets skärm: inga kommandon och ingen filöverföring. Anslut med raden som den står: ",
		"Only the meeting's screen is shown here: no commands and no file transfer. Connect with the line as it is: ") + s.Line(r)
}

// msgNoTerminal answers ssh -T and other sessions without a terminal.
func (s *Server) msgNoTerminal(r Role) string {
	return s.t("Mötets skärm behöver en terminal. Anslut utan -T, med raden som den står: ",
		"The meeting's screen needs a terminal. Connect without -T, with the line as it is: ") + s.Line(r)
}

// msgFull answers a device over its role's cap.
func (s *Server) msgFull(r Role, n int) string {
	if r == RoleChair {
		return s.t("Mötesledarens dator är redan ansluten. Sekreteraren kan koppla från den (F3, x) så att du kan ansluta.",
			"The chair's computer is already connected. The secretary can disconnect it (F3, x) so that you can connect.")
	}
	return fmt.Sprintf(s.t("Rummet har redan så många skärmar som tas emot (%d). Sekreteraren kan koppla från en (F3, x).",
		"The room already has as many screens as are taken (%d). The secretary can disconnect one (F3, x)."), n)
}

// msgStopped answers a device that comes as sharing stops.
func (s *Server) msgStopped() string {
	return s.t("Mötet delas inte längre.", "The meeting is no longer shared.")
}

// msgUnknownUser is the banner for a user name that is not a role: it
// names the two that are, with their lines.
func (s *Server) msgUnknownUser() string {
	return s.t("Det användarnamnet finns inte här. Anslut som room (rummets skärm) eller chair (mötesledarens dator):",
		"That user name does not exist here. Connect as room (the room's screen) or chair (the chair's computer):") +
		"\r\n  " + s.Line(RoleRoom) + "\r\n  " + s.Line(RoleChair) + "\r\n"
}
