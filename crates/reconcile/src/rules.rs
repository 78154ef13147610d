//! The rule catalogue: code, default severity, what it checks, its thresholds, legal source,
//! which record its findings point at and the event fields it reads.

use serde::{Deserialize, Serialize};

mod kinds;

pub use kinds::{Family, Severity};

/// One rule of the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// Stable code, e.g. `TTGK-P`.
    pub code: &'static str,
    /// The family (engine module) it belongs to.
    pub family: Family,
    /// Default severity.
    pub severity: Severity,
    /// Short title.
    pub title: &'static str,
    /// What the rule checks, for a quality manager.
    pub description: &'static str,
    /// Legal or regulatory source.
    pub source: &'static str,
    /// Configurable thresholds it uses (names in `[thresholds]` of the TOML configuration).
    pub thresholds: &'static [&'static str],
    /// Which record a finding's `seq` is (the one to look at first), and which records its
    /// `seqs` add, naming event kinds in backticks (`` `receipt` ``); "any record" when the
    /// record may be of any kind (`CHAIN`, `EVENT-INVALID`, `LATE-ENTRY`). Listed in
    /// `docs/rules.md` as **Points at**.
    pub at: &'static str,
    /// The event fields it reads, as `kind.field` paths of the interchange format
    /// (`docs/format.md`): `receipt.lines[].accepted`; `{a,b}` groups sibling fields
    /// (`receipt.lines[].{product,batch}`), `*.occurred_at` is the envelope field of every kind,
    /// `*` alone every field of every event. Listed in `docs/rules.md`.
    pub reads: &'static [&'static str],
}

/// Declares the catalogue: the [`Rule`] enum, its codes and [`RULES`], from one table.
macro_rules! catalogue {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $code:literal, $family:ident, $sev:ident,
        $title:literal, $description:literal, $source:literal, [$($th:literal),*],
        at $at:literal,
        reads [$($rd:literal),*];
    )*) => {
        /// A rule of the catalogue. Its code (`Rule::StockNeg.code()` is `"STOCK-NEG"`) is its
        /// stable name in every output and in the configuration; it serialises as the code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Rule {
            $(
                #[doc = concat!("`", $code, "`: ", $title, ".")]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The stable code, e.g. `STOCK-NEG`.
            pub const fn code(self) -> &'static str {
                match self {
                    $(Rule::$variant => $code,)*
                }
            }

            /// The rule with this code.
            pub fn from_code(code: &str) -> Option<Rule> {
                match code {
                    $($code => Some(Rule::$variant),)*
                    _ => None,
                }
            }
        }

        /// Every rule the engine has, in catalogue order.
        pub const RULES: &[RuleInfo] = &[$(
            RuleInfo {
                rule: Rule::$variant,
                code: $code,
                family: Family::$family,
                severity: Severity::$sev,
                title: $title,
                description: $description,
                source: $source,
                thresholds: &[$($th),*],
                at: $at,
                reads: &[$($rd),*],
            },
        )*];
    };
}

catalogue! {
    Chain = "CHAIN", Integrity, Critical,
        "Hash chain broken",
        "The ledger fails verification (edited, deleted, duplicated, reordered or truncated records). Reconciliation covers only the verified prefix.",
        "GSP (2016) Art. 57 (records must not be altered); 药品经营质量管理规范 附录 计算机系统 Art. 11",
        [],
        at "any record: the first seq that fails verification or cannot be vouched for (altered, missing, duplicated, out of order or unparsable; one past the last record when the ledger ends inside a batch or short of an expected head); `seqs` add nothing",
        reads [];
    EventInvalid = "EVENT-INVALID", Integrity, Critical,
        "Record is not a valid event",
        "A record's payload does not parse as an event of the interchange format, so it cannot be reconciled.",
        "GSP (2016) Art. 57 (records complete and true)",
        [],
        at "any record: the record whose payload is not a valid event; `seqs` add nothing",
        reads [
            "*"
        ];
    DocDup = "DOC-DUP", Integrity, Major,
        "Document recorded twice",
        "Two records, under different event ids, hold the same document: the same kind and document number, with the same counterparty (the supplier or customer of receipts, dispatches, returns and orders; an invoice's issuer and buyer; a payment's payer and payee), for a stock count the same location, and for a put-away, transfer, outbound review, destruction or loss report the number alone; and they occurred within `return_window_days` of each other, to the second (exactly the window still counts; each copy is measured from the record of that document before it, so a chain of copies each within the window of the last is one document, every copy naming the first record; a number used again later, as by an ERP that numbers from 0001 each year, is another document). The document then counts twice (stock, invoices, payments). This happens when a corrected document is imported again (its time changed, so its id did), when a partner re-sends an EPCIS event under a new `eventID`, or when a CSV export mapped without `group_by` gains a row above it. The same event appended twice is `EVENT-DUP`'s (`rxledger append` skips it); packing documents (`aggregation`) may pack several parents and are not compared. A correction is recorded as a new document (a credit note, a return, a count). Reported at the end of the input, at the later record, naming the first.",
        "GSP (2016) Art. 57 (records complete and true)",
        ["return_window_days"],
        at "any record of a document: the later record; `seqs` add the first record holding the document",
        reads [
            "*.id", "purchase.{doc,supplier}", "receipt.{doc,supplier}",
            "supplier_return.{doc,supplier}", "sale.{doc,customer}",
            "dispatch.{doc,customer}", "customer_return.{doc,customer}",
            "invoice.{doc,issuer,buyer}", "payment.{doc,payer,payee}",
            "stock_count.{doc,location}", "put_away.doc", "transfer.doc",
            "outbound_review.doc", "destruction.doc", "loss_report.doc"
        ];
    EventDup = "EVENT-DUP", Integrity, Critical,
        "Event recorded twice",
        "Two records hold an event with the same id, so the event counts twice (stock, documents, payments). `rxledger append` stores each id once; this finds the copies in ledgers written before the store kept an id index, or by other writers. Reported at the later record, naming the first.",
        "GSP (2016) Art. 57 (records complete and true)",
        [],
        at "any record: the later record holding the id; `seqs` add the first record holding it",
        reads [
            "*.id"
        ];
    TtgkP = "TTGK-P", Documents, Critical,
        "Purchase: goods, books, invoices and payments disagree",
        "A purchase invoice must be issued by the supplier on the purchase order and addressed to us; payments must go to that supplier, to an account registered for it; invoiced quantities (net of credit notes) must not exceed the accepted quantities; payments must not exceed the invoice (tolerance). An excess is a fact when it is booked: it is pending at once and becomes a finding if not corrected (more goods, a credit note, a refund) within the correction window. An invoice booked before its goods (先票后货) is no excess: its quantities wait for the goods (an `ORPHAN` if none move within `orphan_days`) and are counted when they move. Payments and credit notes recorded before their invoice are applied when it is booked, even after their own `ORPHAN` deadline passed (within `return_window_days` after it). An invoice is its number and its supplier: when two suppliers' paper invoices share a 发票号码, a payment or credit note naming it settles its own supplier's; a credit note of a supplier with no invoice of the number it credits is a finding too. A payment or credit note naming a number of which only another supplier's invoice is booked waits for its own supplier's (booked before or after it); if none comes, it is applied to that one at its own `ORPHAN` deadline, or at the end of the input if that comes first, as paid to (or credited by) the wrong party: a finding then, at its own record, and no `ORPHAN`.",
        "GSP (2016) Art. 66-67; 国家药监局 票、账、货、款一致",
        ["amount_tolerance_minor", "correction_days"],
        at "the `invoice` whose buyer is not us or whose issuer is not the order's supplier; the `payment` whose payee or account does not fit an invoice it settles, with `seqs` adding that `invoice` (the credit note, for a refund naming one); the credit note (`invoice` with `credit_for`) of a party with no invoice of the number it credits, with `seqs` adding the invoice it credits; for an invoiced excess not corrected, the latest `invoice` (or credit note) of the order or group, with `seqs` adding its first goods movement (a `receipt`, or a `supplier_return` when that came first) and all its invoices and credit notes; for an overpaid invoice, the `invoice`, with `seqs` adding its credit notes and `payment`s",
        reads [
            "*.occurred_at", "party_registered.{party,relation}",
            "party_registered.accounts[].number", "licence_changed.party",
            "licence_changed.accounts[].number", "purchase.{doc,supplier}",
            "receipt.{doc,supplier}", "receipt.refs.order", "receipt.lines[].{product,accepted}",
            "supplier_return.supplier", "supplier_return.refs.order",
            "supplier_return.lines[].{product,quantity}", "invoice.{doc,direction,credit_for}",
            "invoice.refs.{order,receipt}", "invoice.{issuer,buyer,total}",
            "invoice.lines[].{product,quantity}",
            "payment.{direction,payer,payee,payer_account,payee_account,amount,method,invoices}"
        ];
    TtgkS = "TTGK-S", Documents, Critical,
        "Sale: goods, books, invoices and payments disagree",
        "A sales invoice must be issued by us to the customer on the sales record; the customer's payments must come from that customer, from an account registered for it; invoiced quantities must not exceed the dispatched quantities (net of returns, per product: a customer return lowers the goods of the sales it names, with the sales united with them, for no more than they hold; units returned beyond that are `RETURN-ORIG`'s, and so is a batch the customer was not sold, whose units still count against the product); payments must not exceed the invoice. An excess is pending at once and becomes a finding if not corrected within the correction window. An invoice booked before the dispatch waits for it as in `TTGK-P`, and payments and credit notes recorded before their invoice are applied when it is booked, as there. An invoice is its number and its customer: a payment or credit note naming a number of which only another customer's invoice is booked waits for its own customer's (booked before or after it); if none comes, it is applied to that one at its own `ORPHAN` deadline, or at the end of the input if that comes first, as paid by (or credited to) the wrong party: a finding then, at its own record.",
        "GSP (2016) Art. 91",
        ["amount_tolerance_minor", "correction_days"],
        at "the `invoice` whose issuer is not us or whose buyer is not the sale's customer; the `payment` whose payer or account does not fit an invoice it settles, with `seqs` adding that `invoice` (the credit note, for a refund naming one); the credit note (`invoice` with `credit_for`) of a party with no invoice of the number it credits, with `seqs` adding the invoice it credits; for an invoiced excess not corrected, the latest `invoice` (or credit note) of the sale or group, with `seqs` adding its first goods movement (a `dispatch`, or a `customer_return` when that came first) and all its invoices and credit notes; for an overpaid invoice, the `invoice`, with `seqs` adding its credit notes and `payment`s",
        reads [
            "*.occurred_at", "party_registered.{party,relation}",
            "party_registered.accounts[].number", "licence_changed.party",
            "licence_changed.accounts[].number", "sale.{doc,customer}", "dispatch.{doc,customer}",
            "dispatch.refs.sale", "dispatch.lines[].{product,quantity}", "customer_return.customer",
            "customer_return.refs.sale", "customer_return.lines[].{product,quantity}",
            "invoice.{doc,direction,credit_for}", "invoice.refs.{sale,delivery_note}",
            "invoice.{issuer,buyer,total}", "invoice.lines[].{product,quantity}",
            "payment.{direction,payer,payee,payer_account,payee_account,amount,method,invoices}"
        ];
    RecDoc = "REC-DOC", Documents, Major,
        "Receipt does not match its purchase order",
        "A receipt must reference a known purchase order from the same supplier and a delivery note; every product received must be on the order, and cumulative arrivals must not exceed the ordered quantity. Arrivals count rejected units too (they arrived): a replacement of rejected goods is recorded under a new order (or the order is raised), else it is an arrival beyond the order. A delivery covering several orders (`refs.order` a list) fills them in the order named and is judged against their sum.",
        "GSP (2016) Art. 72-73",
        [],
        at "the `receipt`; `seqs` add nothing",
        reads [
            "purchase.{doc,supplier}", "purchase.lines[].{product,quantity}", "receipt.supplier",
            "receipt.refs.{order,delivery_note}", "receipt.lines[].{product,arrived}"
        ];
    AccGate = "ACC-GATE", Stock, Critical,
        "Stored or shipped before acceptance passed",
        "Goods may be put away or shipped only after quality acceptance passed, counted where the goods are: a put-away from a location outside quarantine may take only the units there that passed acceptance: units a receipt accepted there, units customers returned there (they passed acceptance when received), units that left a quarantine or returns location (`quarantine_locations`) for it (released after re-inspection; leaving quarantine otherwise is `QUARANTINE`'s, reported once, not also here), and such units brought there by a put-away or transfer (accepted units stay accepted where they go: a second put-away, from staging or between storage locations, is quiet). A transfer is never itself an `ACC-GATE` (rejected units moved by a transfer show as `STOCK-NEG`); any other movement out of a location (into quarantine, a dispatch, a return to the supplier, a destruction, a loss) uses its acceptance up; a put-away from quarantine is not counted. So a unit returned into quarantine, released to receiving and put away from there is counted once, as is one returned to receiving and put away. Also: a dispatch of a batch whose receipts were all rejected.",
        "GSP (2016) Art. 72, 79",
        ["quarantine_locations"],
        at "the first `put_away` of the batch that takes more units from a location than passed acceptance there (once per batch), or the `dispatch` of a batch whose receipts accepted nothing; `seqs` add nothing",
        reads [
            "receipt.lines[].{product,batch,accepted,location}", "customer_return.lines[].{product,batch,quantity,to}",
            "put_away.lines[].{product,batch,quantity,from,to}", "transfer.lines[].{product,batch,quantity,from,to}",
            "dispatch.lines[].{product,batch,quantity,from}", "supplier_return.lines[].{product,batch,quantity,from}",
            "destruction.lines[].{product,batch,quantity,from}", "loss_report.lines[].{product,batch,quantity,from}"
        ];
    OutRev = "OUT-REV", Documents, Major,
        "Dispatch without a matching outbound review",
        "Every dispatch needs an outbound review (出库复核) of the same sale, found fit, whose product, batch, expiry and quantity equal the goods shipped and the sale. A review or dispatch whose `customer` is not the customer of a sale it names is a finding too (once per record: 复核 is against the sales record, its buyer included). A review or dispatch covering several sales (`refs.sale` a list) counts each line on the sales named in order: each sale with the line takes what room it has left, and the last what is left of the line (one line of 100 for two sales of 60 and 40 of the batch is quiet).",
        "GSP (2016) Art. 93-94",
        [],
        at "the `outbound_review` (no or unknown sale, another customer's sale, a line not on the sale, over its quantity or with another expiry) or the `dispatch` (another customer's sale, a line with no sale, or more than was reviewed fit); for a dispatch over the reviewed quantity or another customer's sale `seqs` add the `sale`, otherwise nothing",
        reads [
            "sale.{doc,customer}", "sale.lines[].{product,batch,expiry,quantity}",
            "receipt.lines[].{product,batch,expiry}", "outbound_review.{refs.sale,customer}",
            "outbound_review.lines[].{product,batch,expiry,quantity,quality}", "dispatch.{refs.sale,customer}",
            "dispatch.lines[].{product,batch,quantity}"
        ];
    Uninvoiced = "UNINVOICED", Documents, Major,
        "Goods without invoice",
        "Goods received or dispatched for which no invoice covers the quantity within the threshold. A document naming several orders or sales (a monthly invoice, 月结; one delivery for several orders) makes them one group, whose summed goods are matched against its invoices at the latest deadline of its members. Goods moved less than the threshold before a deadline (a sale shipped in parts, invoiced at month end) are not due at it: the goods are judged again at their own deadline, and only a larger shortfall is reported again. Goods are matched product by product: an order or sale short of invoices for two products gives two findings (or two open items), one per product.",
        "GSP (2016) Art. 67, 91; policy threshold",
        ["uninvoiced_days"],
        at "the first goods movement of the order or sale (or group) since it was last judged — its `receipt` or `dispatch` (or a `customer_return`/`supplier_return` when that came first); `seqs` add its invoices and credit notes (`invoice`)",
        reads [
            "*.occurred_at", "receipt.{doc,supplier}", "receipt.refs.order",
            "receipt.lines[].{product,accepted}", "supplier_return.supplier",
            "supplier_return.refs.order", "supplier_return.lines[].{product,quantity}",
            "dispatch.{doc,customer}", "dispatch.refs.sale", "dispatch.lines[].{product,quantity}",
            "customer_return.customer", "customer_return.refs.sale",
            "customer_return.lines[].{product,quantity}", "invoice.{doc,direction,credit_for}",
            "invoice.refs.{order,receipt,sale,delivery_note}", "invoice.lines[].{product,quantity}"
        ];
    Unpaid = "UNPAID", Documents, Major,
        "Invoice not settled",
        "An invoice (net of credit notes) not fully paid within the threshold. Reported once, when the deadline passes: a payment after it closes the invoice without a second finding.",
        "GSP (2016) Art. 66-67 (货款一致); policy threshold",
        ["unpaid_days", "amount_tolerance_minor"],
        at "the `invoice`; `seqs` add its credit notes (`invoice`) and `payment`s",
        reads [
            "*.occurred_at", "invoice.{doc,direction,issued_on,total,credit_for}",
            "payment.{direction,amount,invoices}"
        ];
    Orphan = "ORPHAN", Documents, Major,
        "Invoice without goods, or payment without invoice",
        "An invoice whose order or sale has no goods movement, a credit note for an unknown invoice, or a payment that settles no known invoice, within the threshold. The finding is reported once, when the deadline passes; what waited is kept for `return_window_days` after it, so goods that move later still count the invoice, and an invoice booked later still gets the payment or credit note (no second, untrue `UNINVOICED` or `UNPAID`). An invoice or goods forgotten after the return window are unknown again. A credit note is matched to the invoice it credits by `credit_for` alone: the order or sale it also names only carries its quantities, and a credit note is never an `ORPHAN` for want of goods.",
        "GSP (2016) Art. 66-67; 为他人违法经营提供票据 (走票)",
        ["orphan_days"],
        at "the `invoice` whose orders or sales had no goods (or that names none), the credit note (`invoice`) of an unknown invoice, or the `payment` settling no known invoice; `seqs` add nothing",
        reads [
            "*.occurred_at", "receipt.doc", "receipt.refs.order", "supplier_return.refs.order",
            "dispatch.doc", "dispatch.refs.sale", "customer_return.refs.sale",
            "invoice.{doc,direction,credit_for}", "invoice.refs.{order,receipt,sale,delivery_note}",
            "payment.{direction,payer,payee,invoices}"
        ];
    StockNeg = "STOCK-NEG", Stock, Critical,
        "Negative stock",
        "Stock of a product batch at a location went below zero: goods left that never came in (forged source or fabricated flow).",
        "GSP (2016) Art. 83 (物料平衡); 药品流通监督管理办法",
        [],
        at "each goods movement out of the batch at the location that leaves it below zero: the one that took it below zero, and each later one while it stays below (its sentence gives what the books showed before it); a `put_away`, `transfer`, `dispatch`, `supplier_return`, `destruction` or `loss_report`; `seqs` add nothing",
        reads [
            "receipt.lines[].{product,batch,accepted,location}",
            "put_away.lines[].{product,batch,quantity,from,to}",
            "transfer.lines[].{product,batch,quantity,from,to}",
            "dispatch.lines[].{product,batch,quantity,from}",
            "customer_return.lines[].{product,batch,quantity,to}",
            "supplier_return.lines[].{product,batch,quantity,from}",
            "destruction.lines[].{product,batch,quantity,from}",
            "loss_report.lines[].{product,batch,quantity,from}"
        ];
    StockCount = "STOCK-COUNT", Stock, Major,
        "Stock count differs from the books",
        "A stock count found a quantity different from the book quantity at that location. A batch with stock on the books but missing from the count sheet counts as zero; a negative book quantity (STOCK-NEG reported it) is not repeated here when the batch is counted as zero or left off the sheet, only when more than zero is counted. The books change only by goods movements: a shortage confirmed and written off is booked by a `loss_report` (then the next count agrees), but the format has no event to book a count gain (盘盈) or an opening balance yet, so a confirmed gain is reported again at every later count of the batch; start a ledger before the goods arrive (with their receipts).",
        "GSP (2016) Art. 83",
        [],
        at "the `stock_count`; `seqs` add nothing",
        reads [
            "stock_count.location", "stock_count.lines[].{product,batch,counted}",
            "receipt.lines[].{product,batch,accepted,location}",
            "put_away.lines[].{product,batch,quantity,from,to}",
            "transfer.lines[].{product,batch,quantity,from,to}",
            "dispatch.lines[].{product,batch,quantity,from}",
            "customer_return.lines[].{product,batch,quantity,to}",
            "supplier_return.lines[].{product,batch,quantity,from}",
            "destruction.lines[].{product,batch,quantity,from}",
            "loss_report.lines[].{product,batch,quantity,from}"
        ];
    NoSource = "NO-SOURCE", Stock, Critical,
        "Goods shipped without a qualified source",
        "A batch was dispatched that was never received, or was received only from suppliers that failed qualification. A receipt counts as received even when it accepted nothing: goods moved from such a receipt are `ACC-GATE`'s (moved before acceptance) and `STOCK-NEG`'s.",
        "药品管理法 Art. 55; GSP (2016) Art. 61",
        [],
        at "the `dispatch`; `seqs` add nothing",
        reads [
            "receipt.occurred_at", "receipt.supplier", "receipt.lines[].{product,batch}",
            "dispatch.lines[].{product,batch}", "party_registered.{party,kind,scope}",
            "party_registered.licence.{valid_from,valid_to}", "licence_changed.{party,scope}",
            "licence_changed.licence.{valid_from,valid_to}",
            "product_registered.{product,category}"
        ];
    Expired = "EXPIRED", Stock, Critical,
        "Expired goods dispatched",
        "A batch was dispatched after its expiry date. The expiry (有效期至) is the last day the batch may be used, so a dispatch on that day is lawful; a label with month precision (YYYY-MM) is valid through the last day of that month.",
        "药品管理法 Art. 98 (过期药品按劣药论处); 药品说明书和标签管理规定 Art. 23 (有效期至)",
        [],
        at "the `dispatch`; `seqs` add nothing",
        reads [
            "receipt.lines[].{product,batch,expiry}", "dispatch.occurred_at",
            "dispatch.lines[].{product,batch}"
        ];
    ExpiredNear = "EXPIRED-NEAR", Stock, Minor,
        "Near-expiry goods dispatched",
        "A batch was dispatched within the near-expiry window before its expiry.",
        "GSP (2016) Art. 85 (近效期预警); policy threshold",
        ["near_expiry_days"],
        at "the `dispatch`; `seqs` add nothing",
        reads [
            "receipt.lines[].{product,batch,expiry}", "dispatch.occurred_at",
            "dispatch.lines[].{product,batch}"
        ];
    Quarantine = "QUARANTINE", Stock, Critical,
        "Quarantined goods moved into circulation",
        "Stock in a quarantine or returns location may move only to another quarantine location, back to the supplier, to destruction, or to storage by an explicit release after re-inspection; never straight to a customer.",
        "GSP (2016) Art. 84, 104",
        ["quarantine_locations"],
        at "the `put_away`, `transfer` or `dispatch` that moved the goods out of quarantine; `seqs` add nothing",
        reads [
            "put_away.lines[].{product,batch,from,to}", "transfer.reason",
            "transfer.lines[].{product,batch,from,to}", "dispatch.lines[].{product,batch,from}"
        ];
    ReturnOrig = "RETURN-ORIG", Stock, Major,
        "Customer return without a matching sale",
        "A customer return must reference an earlier sale to the same customer of the same product and batch, and cumulative returns must not exceed what was dispatched. A return naming several sales is split over them in order, as `OUT-REV` splits a line. A sale is remembered for `return_window_days` from its `occurred_at`, to the second: a return at exactly that instant still finds it, a later one does not.",
        "GSP (2016) Art. 104",
        ["return_window_days"],
        at "the `customer_return`; when the sale it names is known (another customer's, or returned over what was dispatched on it) `seqs` add the `sale`, otherwise nothing",
        reads [
            "sale.{doc,customer}", "dispatch.refs.sale",
            "dispatch.lines[].{product,batch,quantity}", "customer_return.customer",
            "customer_return.refs.sale", "customer_return.lines[].{product,batch,quantity}"
        ];
    SupLic = "SUP-LIC", Qualification, Critical,
        "Supplier not qualified",
        "Purchases and receipts only from registered suppliers (首营企业) whose licence is valid on the event date and whose scope covers the product's category; never from individuals; and only of registered products (首营品种: a `product_registered` earlier in the ledger). One finding per record, about the supplier if it fails, else about the first unregistered product. A licence or scope filed by `party_registered` or `licence_changed` is known from the record that files it on (records are judged in ledger order), whatever dates the licence itself gives: a renewal recorded after the event, even one valid from before it, does not clear it, and of two records at one instant the earlier in the ledger is judged first.",
        "GSP (2016) Art. 61-65; 药品管理法 Art. 55",
        [],
        at "the `purchase` or `receipt` from the supplier; `seqs` add nothing",
        reads [
            "purchase.occurred_at", "purchase.supplier", "purchase.lines[].product",
            "receipt.occurred_at", "receipt.supplier", "receipt.lines[].product",
            "party_registered.{party,kind,scope}", "party_registered.licence.{valid_from,valid_to}",
            "licence_changed.{party,scope}", "licence_changed.licence.{valid_from,valid_to}",
            "product_registered.{product,category}"
        ];
    CusLic = "CUS-LIC", Qualification, Critical,
        "Customer not qualified",
        "Wholesale only to registered customers whose licence is valid on the sale date and whose scope covers the product's category; never wholesale to individuals; and only of registered products (a `product_registered` earlier in the ledger: the scope cannot be checked for a product without a file). One finding per sale, about the customer if it fails, else about the first unregistered product. A licence or scope filed by `party_registered` or `licence_changed` is known from the record that files it on (records are judged in ledger order), whatever dates the licence itself gives: a renewal recorded after the sale, even one valid from before it, does not clear it, and of two records at one instant the earlier in the ledger is judged first.",
        "GSP (2016) Art. 89-90; 药品管理法 Art. 55",
        [],
        at "the wholesale `sale`; `seqs` add nothing",
        reads [
            "sale.occurred_at", "sale.{customer,channel}", "sale.lines[].product",
            "party_registered.{party,kind,scope}", "party_registered.licence.{valid_from,valid_to}",
            "licence_changed.{party,scope}", "licence_changed.licence.{valid_from,valid_to}",
            "product_registered.{product,category}"
        ];
    LateEntry = "LATE-ENTRY", Integrity, Major,
        "Recorded long after it happened",
        "An event entered (entered_at, or the ledger's recorded_at when absent) more than the threshold after it occurred: records must be made as things happen.",
        "GSP (2016) Art. 57 (及时记录); policy threshold",
        ["late_entry_hours"],
        at "any record: the event entered late itself, whatever its kind; `seqs` add nothing",
        reads [
            "*.{occurred_at,entered_at}"
        ];
    TwoInvoice = "TWO-INVOICE", Documents, Major,
        "More than two invoices to a public hospital",
        "Goods sold to a public hospital must come from the manufacturer (or its group sales company) through one distributor: at most two invoices. Goods bought from another wholesaler mean a third invoice, unless the customer's province is a configured remote area. One finding per line of the sale (product and batch) so bought: a batch any of whose receipts came from a wholesaler counts as so bought, even when the batch was also received from its manufacturer (the units cannot be told apart). Narcotics and class-1 psychotropics are left out: their regulation prescribes their channel (designated manufacturer, national wholesaler, regional wholesaler, medical institution holding a seal card), which `SPECIAL-CHANNEL` checks, and a regional wholesaler's sale is their third invoice by law.",
        "国医改办发〔2016〕4号 (两票制)",
        ["group_sales_companies", "remote_provinces"],
        at "the `sale` to the public hospital; `seqs` add nothing",
        reads [
            "party_registered.{party,kind,province,public_hospital}", "receipt.supplier",
            "receipt.lines[].{product,batch}", "sale.customer", "sale.lines[].{product,batch}"
        ];
    SpecialChain = "SPECIAL-CHAIN", Special, Critical,
        "Custody chain of a controlled drug broken",
        "Every unit of a narcotic, psychotropic or other special-control drug moves with its traceability code: each movement line carries one code per unit, and a unit leaves from the location where the ledger last put it. A unit listed twice on one record (its code twice, or beside its pack's, on one line or on two) counts once, on its first line. A receipt line's codes cover its accepted units and may cover its rejected ones too (scanned on arrival): at most one per unit that arrived. Which of them were rejected the ledger cannot tell, so all are taken to be at the line's `location`; one of them leaving from another place before it moved is this rule, its sentence saying it may have been a rejected unit. Units destroyed or returned by a customer are in hand and are scanned too; units lost or stolen cannot be, so a `loss_report` lists the codes it can name and is not held to its quantity. Batch material balance (received = on hand + sold + returned + destroyed) is kept by the stock rules.",
        "麻醉药品和精神药品管理条例 Art. 46-48 (专用账册, 五专); 药品经营质量管理规范 附录 追溯",
        [],
        at "the movement whose line breaks the chain: a `receipt`, `customer_return`, `put_away`, `transfer`, `dispatch`, `supplier_return` or `destruction` whose codes do not cover its quantity, or a `put_away`, `transfer`, `dispatch`, `supplier_return`, `destruction` or `loss_report` moving units the ledger had at another location; `seqs` add nothing",
        reads [
            "product_registered.{product,control}",
            "receipt.lines[].{product,batch,accepted,location,codes}",
            "put_away.lines[].{product,batch,quantity,from,to,codes}",
            "transfer.lines[].{product,batch,quantity,from,to,codes}",
            "dispatch.lines[].{product,batch,quantity,from,codes}",
            "supplier_return.lines[].{product,batch,quantity,from,codes}",
            "destruction.lines[].{product,batch,quantity,from,codes}",
            "loss_report.lines[].{product,batch,from,codes}",
            "customer_return.lines[].{product,batch,quantity,to,codes}",
            "aggregation.{action,parent,children}"
        ];
    SpecialChannel = "SPECIAL-CHANNEL", Special, Critical,
        "Controlled drug outside its permitted channel",
        "Narcotics and class-1 psychotropics are bought only from a designated manufacturer or a national or regional wholesaler, and sold only to a designated wholesaler or to a medical institution holding a valid purchase-seal card (印鉴卡) in the seller's province; another province needs an approval reference (refs.approval). A seal-card holder whose card number is not on file is SPECIAL-CARD (an incomplete record), not this rule. A seal card or designation counts from the `occurred_at` of the record that files it (`party_registered` or `licence_changed`): a sale before a renewed card is recorded is judged on the card on file then.",
        "麻醉药品和精神药品管理条例 Art. 22-28 [article numbers partly unverified]",
        [],
        at "the `purchase` from, or the `sale` to, the party outside the channel; `seqs` add nothing",
        reads [
            "product_registered.{product,control}",
            "party_registered.{party,relation,kind,province}",
            "party_registered.special.{designation,seal_card,valid_to}", "licence_changed.party",
            "licence_changed.special.{designation,seal_card,valid_to}", "purchase.occurred_at",
            "purchase.supplier", "purchase.lines[].product", "sale.occurred_at",
            "sale.refs.approval", "sale.customer", "sale.lines[].product"
        ];
    SpecialCard = "SPECIAL-CARD", Special, Minor,
        "Seal-card holder's card not on file",
        "A medical institution that buys narcotics or class-1 psychotropics under a purchase-seal card (麻醉药品、第一类精神药品购用印鉴卡) must have the card's number on file with the seller: a sale to a seal-card holder whose party record has no card number is an incomplete record (reported once per holder), not a channel violation.",
        "麻醉药品和精神药品管理条例 Art. 36; 麻醉药品、第一类精神药品购用印鉴卡管理规定 (2005)",
        [],
        at "the first `sale` to the holder (reported once per holder); `seqs` add nothing",
        reads [
            "party_registered.{party,kind}", "party_registered.special.{designation,seal_card}",
            "licence_changed.special.{designation,seal_card}", "sale.customer",
            "sale.lines[].product", "product_registered.{product,control}"
        ];
    SpecialCash = "SPECIAL-CASH", Special, Critical,
        "Cash paid for controlled drugs",
        "No cash payment may settle an invoice with a narcotic, psychotropic or precursor line, in either direction: a refund in cash naming a credit note of such an invoice is one too. A payment naming an invoice not yet booked is checked when it is; one naming a shared number of which only another counterparty's invoice is booked (it waits for its own party's, see `TTGK-P`) is checked against that invoice when recorded and, if not found then, against its own party's when that is booked.",
        "麻醉药品和精神药品管理条例 Art. 30",
        [],
        at "the cash `payment`; when the invoice was booked after the payment `seqs` add that `invoice`, otherwise nothing",
        reads [
            "product_registered.{product,control}", "invoice.{doc,credit_for}",
            "invoice.lines[].product", "payment.{method,invoices}"
        ];
    Special2p = "SPECIAL-2P", Special, Major,
        "Controlled drug handled by one person",
        "Acceptance and outbound review of special-control drugs (here and for `SPECIAL-LOSS` and `SPECIAL-DESTROY`: narcotics, psychotropics of both classes, medical toxic and radioactive drugs and precursors, the classes of `SPECIAL-CHAIN`; not compound ephedrine preparations) are signed by two different people.",
        "麻醉药品和精神药品管理条例 Art. 48 (双人验收、双人复核)",
        [],
        at "the `receipt` (acceptance) or the `outbound_review` signed by fewer than two people; `seqs` add nothing",
        reads [
            "product_registered.{product,control}", "receipt.acceptors", "receipt.lines[].product",
            "outbound_review.reviewers", "outbound_review.lines[].product"
        ];
    SpecialLoss = "SPECIAL-LOSS", Special, Critical,
        "Loss of a controlled drug not reported in time",
        "A loss or theft of special-control drugs (the classes of `SPECIAL-2P`) is reported to the police, drug and health authorities within the threshold after discovery.",
        "麻醉药品和精神药品管理条例 Art. 64; policy threshold",
        ["special_loss_hours"],
        at "the `loss_report`; `seqs` add nothing",
        reads [
            "product_registered.{product,control}", "loss_report.occurred_at",
            "loss_report.{discovered_at,reported_to}", "loss_report.lines[].product"
        ];
    SpecialDestroy = "SPECIAL-DESTROY", Special, Critical,
        "Controlled drug destroyed without supervision",
        "Destruction of special-control drugs (the classes of `SPECIAL-2P`) records the regulator's supervisor(s) present.",
        "麻醉药品和精神药品管理条例 Art. 61",
        [],
        at "the `destruction`; `seqs` add nothing",
        reads [
            "product_registered.{product,control}", "destruction.supervisors",
            "destruction.lines[].product"
        ];
    EphRetail = "EPH-RETAIL", Special, Major,
        "Compound ephedrine sold outside the limits",
        "Retail of compound ephedrine preparations records the buyer's ID, sells at most the threshold of minimum packs per sale without prescription (a prescription lifts this limit only), and not more than the window limit to one ID within `eph_window_days` 24-hour days before the sale (a purchase exactly that long before is outside; with or without prescription); the packs of every compound ephedrine product are summed, per sale and over the window; wholesale (a sale of `channel: wholesale`, its dispatch and the payment of its invoice) is not paid in cash and is delivered only to the buyer's licensed address, which does not apply to the dispatch and payment of a retail sale.",
        "国食药监办〔2012〕260号",
        ["eph_max_packs", "eph_window_days", "eph_window_packs"],
        at "the retail `sale` (no buyer ID, too many packs, over the window limit), the cash `payment` (when the invoice was booked after the payment `seqs` add that `invoice`), or the wholesale `dispatch` to another address; otherwise `seqs` add nothing",
        reads [
            "product_registered.{product,control}", "party_registered.{party,address}",
            "sale.occurred_at", "sale.{channel,buyer_id,prescription}",
            "sale.lines[].{product,quantity}", "dispatch.{customer,address}",
            "dispatch.lines[].product", "invoice.{doc,credit_for}", "invoice.lines[].product",
            "payment.{method,invoices}"
        ];
    Som = "SOM", Special, Major,
        "Suspicious order of a controlled product",
        "An order of a controlled or compound-ephedrine product of unusual size, unusual frequency, or far above its peers; each finding states the baseline. Size: above `som_k` times the customer's trailing average for the product (its last `som_history` orders, this one excluded), once it has `som_min_history` orders. Peers: otherwise (a new customer's first order too), above `som_peer_factor` times the median trailing average of the other customers that have `som_min_history` orders each, when there are at least two (the median of an even number of averages is the mean of the two middle ones). Frequency: the customer's orders of the product on the Beijing day of this one and the 6 days before (this one included), at least `som_freq_min` and above `som_freq_factor` times its weekly average over the 8 weeks (56 days) before those 7, once its first order is 56 days old.",
        "Modelled on 21 CFR 1301.74(b); 销量异常增长 in the inspection reports; policy thresholds",
        ["som_k", "som_history", "som_min_history", "som_peer_factor", "som_freq_factor", "som_freq_min"],
        at "the `sale`; `seqs` add nothing",
        reads [
            "product_registered.{product,control}", "sale.occurred_at", "sale.customer",
            "sale.lines[].{product,quantity}"
        ];
    CodeDup = "CODE-DUP", Codes, Critical,
        "Traceability code used twice",
        "One unit code received while already in stock, or dispatched after it had already left: a cloned or counterfeit code. A unit is its 20-digit 追溯码, or for a GS1 code its GTIN with its serial (AI 01 and 21; batch and dates are not part of it), however the code is spelt. A unit that had left and moves again after customers brought back units of its batch without their codes is taken for one of those (as many as came back unscanned, until `return_window_days` after the batch's last such return, when every code that had left before it is forgotten too), not this rule: an ordinary drug may be returned uncoded, and a special-control one is `SPECIAL-CHAIN` at its return. A code listed twice on one record (twice on a line, or on two of its lines) is one unit scanned twice, not this rule: it counts on its first line only (for a special-control drug the other line then covers one unit fewer: SPECIAL-CHAIN). A unit scanned on a receipt line that listed more units than it accepted, and received again before it moved, is not this rule either: it may be one of the rejected units, delivered again.",
        "药品追溯码 (码上放心) 使用规范; 药品管理法 Art. 36",
        [],
        at "the record moving the unit again: a `receipt` or `customer_return` bringing in a unit already in stock, or a `put_away`, `transfer`, `dispatch`, `supplier_return`, `destruction` or `loss_report` moving a unit that had left; `seqs` add nothing (the earlier record is not named)",
        reads [
            "receipt.lines[].codes", "customer_return.lines[].codes", "put_away.lines[].codes",
            "transfer.lines[].codes", "dispatch.lines[].codes", "supplier_return.lines[].codes",
            "destruction.lines[].codes", "loss_report.lines[].codes",
            "aggregation.{action,parent,children}"
        ];
    CodeUnknown = "CODE-UNKNOWN", Codes, Critical,
        "Traceability code never received",
        "A unit code moved, shipped or returned that this ledger never received, or an aggregation that packs a code already in another pack (packing cases into a pallet is not: their units are in the cases by definition, but a case already on a pallet is) or unpacks an unknown pack. A code that left the company is remembered to the end of the local (Beijing) day `return_window_days` after the day it left; from the next day on it is not known, so a unit returned (or shipped again) later is `CODE-UNKNOWN` too (beside `RETURN-ORIG` for a return outside its sale's window), whatever the day of the week. A returned code must have left the company to the customer returning it: a unit shipped to one hospital and returned by another (even one that bought the same batch, which is all `RETURN-ORIG` checks), or a unit destroyed or reported lost and then returned, is `CODE-UNKNOWN` at the return, naming where the unit went (the party it went to, or that it was destroyed or reported lost; `trace` of the unit names the record).",
        "药品追溯码 使用规范",
        ["return_window_days"],
        at "a `customer_return` of units this ledger never had; a `put_away`, `transfer`, `dispatch`, `supplier_return`, `destruction` or `loss_report` moving units never received; or an `aggregation` packing units already packed, reusing a pack code or opening an unknown pack; `seqs` add nothing",
        reads [
            "*.occurred_at", "receipt.lines[].codes", "customer_return.lines[].codes", "put_away.lines[].codes",
            "transfer.lines[].codes", "dispatch.lines[].codes", "supplier_return.lines[].codes",
            "destruction.lines[].codes", "loss_report.lines[].codes",
            "aggregation.{action,parent,children}"
        ];
    CodeFormat = "CODE-FORMAT", Codes, Major,
        "Malformed traceability code",
        "A code that is neither a 20-digit Chinese traceability code nor a valid GS1 element string (AI 01 GTIN with correct check digit, 17/11 dates, 10 batch, 21 serial). One finding per line, with the number of malformed codes on it and the first of them named.",
        "GS1 General Specifications; 药品追溯码编码要求 (NMPA)",
        [],
        at "the record carrying the malformed code: a `receipt`, `customer_return`, `put_away`, `transfer`, `dispatch`, `supplier_return`, `destruction` or `loss_report`, or an `aggregation`; `seqs` add nothing",
        reads [
            "receipt.lines[].codes", "customer_return.lines[].codes", "put_away.lines[].codes",
            "transfer.lines[].codes", "dispatch.lines[].codes", "supplier_return.lines[].codes",
            "destruction.lines[].codes", "loss_report.lines[].codes",
            "aggregation.{action,parent,children}"
        ];
    CrossMissing = "CROSS-MISSING", Cross, Critical,
        "Dispatched, never received",
        "Across ledgers: a dispatch by one company to another company whose ledger is given has no matching receipt there (by delivery note or sale/order number).",
        "虚构药品销售流向; GSP (2016) Art. 72",
        [],
        at "the `dispatch`, in the dispatching ledger's report; `seqs` add nothing",
        reads [
            "party_registered.{party,relation}", "dispatch.{doc,customer}", "dispatch.refs.sale",
            "receipt.supplier", "receipt.refs.{delivery_note,order}"
        ];
    CrossDiff = "CROSS-DIFF", Cross, Major,
        "Receipt differs from the dispatch",
        "Across ledgers: the receipt of a dispatch differs in product, batch, quantity or unit codes.",
        "GSP (2016) Art. 73",
        [],
        at "the `dispatch`, in the dispatching ledger's report; `seqs` add nothing (the receipt is in the customer's ledger; the message gives its seq)",
        reads [
            "party_registered.{party,relation}", "dispatch.{doc,customer}", "dispatch.refs.sale",
            "dispatch.lines[].{product,batch,quantity,codes}", "receipt.supplier",
            "receipt.refs.{delivery_note,order}", "receipt.lines[].{product,batch,arrived,codes}"
        ];
    CrossTransit = "CROSS-TRANSIT", Cross, Minor,
        "Goods in transit too long",
        "Across ledgers: the receipt came more than the threshold after the dispatch.",
        "GSP (2016) Art. 98-100 (运输时限); policy threshold",
        ["transit_hours"],
        at "the `dispatch`, in the dispatching ledger's report; `seqs` add nothing (the receipt is in the customer's ledger)",
        reads [
            "party_registered.{party,relation}", "dispatch.occurred_at", "dispatch.{doc,customer}",
            "dispatch.refs.sale", "receipt.occurred_at", "receipt.supplier",
            "receipt.refs.{delivery_note,order}"
        ];
    CrossUnmatched = "CROSS-UNMATCHED", Cross, Critical,
        "Received, never dispatched",
        "Across ledgers: a receipt from a company whose ledger is given matches no dispatch of that company (forged purchase source).",
        "伪造药品采购来源",
        [],
        at "the `receipt`, in the receiving ledger's report; `seqs` add nothing",
        reads [
            "party_registered.{party,relation}", "dispatch.{doc,customer}", "dispatch.refs.sale",
            "receipt.supplier", "receipt.refs.{delivery_note,order}"
        ];
    CrossCode = "CROSS-CODE", Cross, Critical,
        "One unit code received by two parties",
        "Across ledgers: the same unit code was received by two different companies.",
        "药品追溯码 使用规范",
        [],
        at "the `receipt`, in the report of the later of the two receiving ledgers (in the order given); `seqs` add nothing (the message names the other ledger)",
        reads [
            "party_registered.{party,relation}", "dispatch.customer", "dispatch.lines[].codes",
            "receipt.lines[].codes"
        ];
    TempZone = "TEMP-ZONE", ColdChain, Major,
        "Product stored in an unsuitable zone",
        "A product is accepted, put away or moved into a zone whose temperature range is not inside the product's required range (e.g. a 2–8 °C product in a ≤ 20 °C zone). A receipt line is judged by its `location` when it accepts anything (goods accepted straight into a cold room are in that room); an unregistered location (a staging area) is not judged.",
        "GSP (2016) Art. 84; 中国药典 凡例 贮藏",
        [],
        at "the `receipt`, `put_away` or `transfer` into the zone; `seqs` add nothing",
        reads [
            "zone_registered.{zone,storage,temp_range}",
            "product_registered.{product,storage,temp_range}",
            "receipt.lines[].{product,accepted,location}", "put_away.lines[].{product,to}",
            "transfer.lines[].{product,to}"
        ];
    TempRange = "TEMP-RANGE", ColdChain, Critical,
        "Temperature excursion",
        "Readings of a storage zone (or of a vehicle's trip with cold-chain goods: its next upload after the dispatch, from one hour before the dispatch on) left the allowed range; the finding gives the interval, duration, peak and mean kinetic temperature (USP <1079>). A zone still out of range at its last reading is reported when the ledger ends.",
        "GSP (2016) Art. 83, 100; 药品经营质量管理规范 附录 温湿度自动监测",
        ["mkt_activation_kj_mol"],
        at "the `temperature_reading` (upload) holding the reading that ended the excursion: the first back in range, a vehicle's trip upload, or a zone's last upload when the ledger ends out of range; `seqs` add the upload where the excursion began",
        reads [
            "zone_registered.{zone,storage,temp_range}", "temperature_reading.{zone,vehicle}",
            "temperature_reading.readings[].{at,celsius}", "dispatch.vehicle",
            "dispatch.occurred_at", "dispatch.lines[].product",
            "product_registered.{product,storage,temp_range}"
        ];
    TempGap = "TEMP-GAP", ColdChain, Major,
        "Temperature recording gap",
        "Consecutive readings of a storage zone more than the storage limit apart, of a vehicle's cold trip (the readings judged after a cold dispatch, `dispatch.vehicle`) more than the transport limit apart, or more than the excursion limit apart after a reading out of range (whatever the next reading; a gap after a reading in range is held to the storage or transport limit, even when the next reading is out of range). A zone fed by several sensors (registered with two or more, or uploaded for by a second) is judged in time order once its readings are `storage_backfill_hours` old (or at the end of the input), whatever the order of the uploads.",
        "药品经营质量管理规范 附录 温湿度自动监测 Art. 8 (记录间隔); policy thresholds",
        ["storage_gap_minutes", "transport_gap_minutes", "excursion_gap_minutes"],
        at "the `temperature_reading` (upload) holding the reading after the gap; `seqs` add nothing",
        reads [
            "zone_registered.{zone,storage,temp_range}", "temperature_reading.{zone,vehicle}",
            "temperature_reading.readings[].{at,celsius}", "dispatch.vehicle",
            "dispatch.occurred_at", "dispatch.lines[].product",
            "product_registered.{product,storage,temp_range}"
        ];
    CcReceipt = "CC-RECEIPT", ColdChain, Critical,
        "Cold-chain receipt without transport evidence",
        "A receipt accepting cold-chain products or vaccines needs a temperature-controlled transport whose readings cover ship time to arrival without gaps (a reading within `transport_gap_minutes` of either end, before or after it, covers that end) and, from ship time to arrival, stay within the products' range (readings beyond the trip are not judged); otherwise the goods must be rejected. A truck's logger is often uploaded after the receipt is recorded: when the readings do not yet cover the trip, the receipt is judged after the settle window, on every reading that arrived by then. A vehicle's readings are kept for 7 days before its latest reading (a run of readings without a gap over `transport_gap_minutes` that reaches into those 7 days is kept whole, back to 30 days: a rail or sea trip of more than a week, logged throughout, is covered), and the vehicle is forgotten once the latest `occurred_at` of any vehicle's upload is 30 days past its latest reading: a receipt recorded that long after its trip finds no readings. A receipt recorded after its settle window has passed on the ledger's clock is judged when the clock next moves on: a log uploaded before that (re-sent right after the receipt) counts.",
        "GSP (2016) Art. 74; 疫苗管理法 Art. 39",
        ["transport_gap_minutes", "logger_settle_hours"],
        at "the `receipt`; `seqs` add nothing (the vehicle's uploads are not named)",
        reads [
            "product_registered.{product,storage,temp_range,vaccine}", "receipt.occurred_at",
            "receipt.lines[].{product,accepted}",
            "receipt.transport.{vehicle,shipped_at,cold_chain}", "temperature_reading.vehicle",
            "temperature_reading.readings[].{at,celsius}"
        ];
    VacDispose = "VAC-DISPOSE", ColdChain, Critical,
        "Expired or excursion-hit vaccines not isolated or disposed of",
        "Vaccines in a zone hit by an excursion are moved to quarantine within `vac_isolate_days` (24-hour days) after the excursion ends (its first reading back in range, or its last reading when none came back); expired vaccines are isolated during the day after their expiry date (by 00:00 Beijing time two days after it: an isolation at exactly that 00:00 is in time, as at every deadline) and destroyed within `vac_dispose_days` after 00:00 of the day after expiry. Isolated means in a `quarantine_locations` location (a cold quarantine area is one of them when it is listed there, registered as a zone or not); vaccines released from quarantine after assessment are lawful again, and a destruction straight from the storage zone counts as disposal (and as isolation, when in time). The finding names the expiry date, the deadline and where the units still were at it.",
        "疫苗管理法 Art. 40; 疫苗储存和运输管理规范 (2017)",
        ["vac_isolate_days", "vac_dispose_days"],
        at "for vaccines left in an excursion-hit zone, the `temperature_reading` that ended the excursion (one finding per vaccine batch left in the zone); for expired vaccines, the `receipt` of the batch (one finding per receipt line, for each of the two deadlines it misses); `seqs` add nothing",
        reads [
            "*.occurred_at", "product_registered.{product,vaccine}", "receipt.lines[].expiry",
            "zone_registered.{zone,storage,temp_range}", "temperature_reading.zone",
            "temperature_reading.readings[].{at,celsius}",
            "receipt.lines[].{product,batch,accepted,location}",
            "put_away.lines[].{product,batch,quantity,from,to}",
            "transfer.lines[].{product,batch,quantity,from,to}",
            "dispatch.lines[].{product,batch,quantity,from}",
            "customer_return.lines[].{product,batch,quantity,to}",
            "supplier_return.lines[].{product,batch,quantity,from}",
            "destruction.lines[].{product,batch,quantity,from}",
            "loss_report.lines[].{product,batch,quantity,from}"
        ];
    TempCopy = "TEMP-COPY", TempIntegrity, Critical,
        "Temperature readings copied",
        "A local day of a storage zone's sensor, or a vehicle's trip log (one upload), repeats the readings of an earlier day or trip (of any zone, vehicle or sensor, within the threshold of days) value for value, to within the sensor resolution, at other times. Days and trips whose values change fewer times than the threshold carry too little information to compare (a steady sensor is judged by TEMP-FLAT): a change is a reading whose value, rounded to the sensor resolution, differs from the reading before it, so 13 readings all different are 12 changes; a re-upload of the same readings at the same times is not a copy.",
        "GSP (2016) Art. 57 (changes to data only with QA approval, on record); 药品经营质量管理规范 附录 温湿度自动监测 and 附录 计算机系统 (monitoring data true, complete, not altered; 篡改温湿度监测数据) [appendix article numbers not verified]",
        ["temp_resolution_c", "copy_days", "copy_min_changes"],
        at "the `temperature_reading` (upload) holding the last reading of the copied day or trip; `seqs` add the upload holding its first reading and the upload holding the original's last reading",
        reads [
            "temperature_reading.{occurred_at,sensor,zone,vehicle}", "temperature_reading.readings[].{at,celsius}"
        ];
    TempFlat = "TEMP-FLAT", TempIntegrity, Major,
        "Temperature readings flat-lined",
        "One sensor of a storage zone or of a vehicle trip reported the identical value for longer than the threshold: a stuck probe or values typed in. A run lasts from the first to the last of its identical readings (readings at 00:00 and every 10 minutes to 04:00, all 5.0 °C, are a run of 240 minutes: at the default threshold, not over it). A recording gap of that sensor (longer than the storage or transport gap limit; another sensor of the zone reporting meanwhile does not fill it) ends the run; readings of a trip are judged within their upload.",
        "药品经营质量管理规范 附录 温湿度自动监测 (continuous automatic monitoring and recording); GSP (2016) Art. 57; policy threshold",
        ["flat_minutes", "storage_gap_minutes", "transport_gap_minutes"],
        at "the `temperature_reading` (upload) holding the run's last reading; `seqs` add the upload holding its first",
        reads [
            "temperature_reading.{sensor,zone,vehicle}", "temperature_reading.readings[].{at,celsius}"
        ];
    TempBackfill = "TEMP-BACKFILL", TempIntegrity, Major,
        "Temperature readings backfilled",
        "An upload (a `temperature_reading` event; its `occurred_at` is the upload) holds readings taken more than the threshold before it: storage sensors upload as they record, a vehicle's logger at the latest when the trip is read out. How late the upload itself was entered is LATE-ENTRY's concern.",
        "药品经营质量管理规范 附录 温湿度自动监测 (readings collected, transmitted and recorded in real time); GSP (2016) Art. 57; policy thresholds",
        ["storage_backfill_hours", "transport_backfill_hours"],
        at "the `temperature_reading` (the upload); `seqs` add nothing",
        reads [
            "temperature_reading.{occurred_at,sensor,zone,vehicle}", "temperature_reading.readings[].at"
        ];
    TempFuture = "TEMP-FUTURE", TempIntegrity, Critical,
        "Temperature readings dated after their upload",
        "An upload holds readings dated after the upload itself (`occurred_at`), beyond a tolerated clock difference: readings that cannot have been taken yet were written in advance or the clocks were set.",
        "GSP (2016) Art. 57; 药品经营质量管理规范 附录 温湿度自动监测 and 附录 计算机系统 (monitoring data true, not altered) [appendix article numbers not verified]; policy threshold",
        ["upload_skew_minutes"],
        at "the `temperature_reading` (the upload); `seqs` add nothing",
        reads [
            "temperature_reading.{occurred_at,sensor}", "temperature_reading.readings[].at"
        ];
    TempSensor = "TEMP-SENSOR", TempIntegrity, Major,
        "Sensor reporting for a place it is not installed in",
        "A sensor reports for a storage zone whose registration (`zone_registered.sensors`) does not list it, or a sensor registered to a storage zone reports for a vehicle. Zones registered without a sensor list are not checked; vehicles have no registration, so their own loggers may move between vehicles.",
        "药品经营质量管理规范 附录 温湿度自动监测 (measuring points installed at validated positions) and 附录 验证管理 [appendix article numbers not verified]",
        [],
        at "the `temperature_reading` (the upload); `seqs` add nothing",
        reads [
            "temperature_reading.{sensor,zone,vehicle}", "zone_registered.{zone,sensors}"
        ];
    TempConflict = "TEMP-CONFLICT", TempIntegrity, Critical,
        "Overlapping uploads disagree",
        "One sensor reported the same instant twice, in two uploads (or twice in one), with values further apart than the sensor resolution, compared as written (15.25 and 15.30 are 0.05 apart, not the binary fraction more): at least one of them was altered. Identical re-uploads are fine. Readings are compared within the threshold window of the sensor's latest reading.",
        "GSP (2016) Art. 57 (changes to data only with QA approval, on record); 药品经营质量管理规范 附录 计算机系统 and 附录 温湿度自动监测 [appendix article numbers not verified]; policy threshold",
        ["temp_resolution_c", "conflict_window_hours"],
        at "the later `temperature_reading` (upload); `seqs` add the earlier upload with the other value",
        reads [
            "temperature_reading.{sensor,zone,vehicle}", "temperature_reading.readings[].{at,celsius}"
        ];
}

impl Rule {
    /// The catalogue entry.
    pub fn info(self) -> &'static RuleInfo {
        // RULES is in declaration order, so the discriminant is the index.
        &RULES[self as usize]
    }

    /// Default severity.
    pub fn default_severity(self) -> Severity {
        self.info().severity
    }

    /// The family (engine module) it belongs to.
    pub fn family(self) -> Family {
        self.info().family
    }
}

// Findings are ordered by (seq, rule code), so rules order by their code.
impl Ord for Rule {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

impl PartialOrd for Rule {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A rule equals its code: `Rule::StockNeg == "STOCK-NEG"`.
impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

/// A rule equals its code.
impl PartialEq<str> for Rule {
    fn eq(&self, other: &str) -> bool {
        self.code() == other
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// An unknown rule code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule code {0:?} (see `rxledger rules`)")]
pub struct UnknownRule(pub String);

impl std::str::FromStr for Rule {
    type Err = UnknownRule;
    fn from_str(s: &str) -> Result<Self, UnknownRule> {
        Rule::from_code(s).ok_or_else(|| UnknownRule(s.to_owned()))
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Rule::from_code(&s).ok_or_else(|| serde::de::Error::custom(UnknownRule(s.into_owned())))
    }
}

/// Looks up a rule by code.
pub fn rule(code: &str) -> Option<&'static RuleInfo> {
    Rule::from_code(code).map(Rule::info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        assert_eq!(Rule::ALL.len(), RULES.len());
        for (i, info) in RULES.iter().enumerate() {
            assert_eq!(info.rule as usize, i);
            assert_eq!(info.rule.code(), info.code);
            assert_eq!(Rule::from_code(info.code), Some(info.rule));
            let json = serde_json::to_string(&info.rule).unwrap();
            assert_eq!(json, format!("\"{}\"", info.code));
            assert_eq!(serde_json::from_str::<Rule>(&json).unwrap(), info.rule);
        }
        assert!(serde_json::from_str::<Rule>("\"NO-SUCH\"").is_err());
    }
}
