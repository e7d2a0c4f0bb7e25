package bench

// The texts and values shared by every library's version of the documents,
// so that each renders the same characters.
const (
	smallWelcome = "Welcome to Opentact."
	smallPrompt  = "Press 1 for sales or 2 for support."
	smallURL     = "https://app.example.com/menu?step=1&lang=en"

	ivrHold      = "Thank you for calling Opentact. Please hold."
	ivrMenu      = "Now please enter a 1 to call the support team, 2 to call the tech team, or 0 to enter a private menu"
	ivrSupport   = "Switching the call to the support team"
	ivrSupportKO = "Sorry, our support team is busy right now, please call again later"
	ivrTech      = "Switching the call to the tech team"
	ivrTechKO    = "Sorry, our tech team is busy right now, please call again later"
	ivrPin       = "Now please enter a 4-digit code or # to stop entering a pin"
	ivrPinURL    = "http://private.domain.com/rest/private_menu?token=TOKEN"
	ivrPinKO     = "Oops, something is going wrong, please call again later"
	ivrNoInput   = "No DTMF code entered. Please call again"
	ivrBadInput  = "Wrong input menu code entered. Please call again"
	ivrBye       = "Thank you for using our service, have a nice day!"
)

var (
	ivrSupportSIP = []string{"support1@sip.opentact.org", "support2@sip.opentact.org", "support3@sip.opentact.org"}
	ivrTechTNs    = []string{"12223334455", "12223334456", "12223334457"}
)

// Element and attribute counts every library's documents must have
// (Response included), checked by TestDocumentsAreEquivalent.
const (
	smallElements = 5
	smallAttrs    = 2
	ivrElements   = 34
	ivrAttrs      = 8
)
