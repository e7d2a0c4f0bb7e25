package events

// AuthReply is the content of the auth event Opentact sends when it accepts
// the event websocket's credentials. The stream delivers it as the first
// event of every connection.
type AuthReply struct {
	ConnectionID string   // id of this websocket connection
	IP           string   // the client address as Opentact sees it
	User         *User    // the authenticated user
	Account      *Account // payload.account, else the top-level account
}

func (*AuthReply) isDetail() {}

// decodeAuth builds the content of an auth event.
func decodeAuth(env *envelope) (*AuthReply, entity) {
	p := env.payload
	a := &AuthReply{
		ConnectionID: p.str("uuid"),
		IP:           p.str("ip"),
		User:         decodeUser(p.obj("user")),
		Account:      decodeAccount(p.obj("account")),
	}
	ent := entity{uuid: a.ConnectionID, account: a.Account}
	if a.Account == nil {
		a.Account = env.topAccount
	}
	return a, ent
}
