//! What does not fit in a malformed EPC URN, as typed facts; `Display` writes the English.

/// What does not fit the scheme of a malformed EPC URN, with its values verbatim.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EpcFault {
    /// No `:` between the scheme and its components.
    NoColon,
    /// Another number of components than the scheme has.
    Components {
        /// The scheme's number of components.
        n: u64,
    },
    /// A GS1 company prefix that is not 6 to 12 digits.
    CompanyPrefix {
        /// The prefix.
        company: String,
    },
    /// A company prefix and reference that are not the key's number of digits together.
    Digits {
        /// The reference.
        reference: String,
        /// The digits they must have together.
        total: u64,
    },
    /// A component of another length than its scheme allows.
    Length {
        /// Which component.
        part: EpcPart,
        /// The component.
        value: String,
        /// Its characters.
        n: u64,
        /// The fewest allowed.
        min: u64,
        /// The most allowed.
        max: u64,
    },
    /// A component with a character outside its set.
    Charset {
        /// Which component.
        part: EpcPart,
        /// The component.
        value: String,
        /// The byte offset of the character.
        at: u64,
    },
    /// A serial that is not 1 to 12 digits.
    Serial {
        /// The serial.
        value: String,
    },
    /// A pattern's component that is not `*`.
    NotStar {
        /// The component.
        value: String,
    },
    /// A piece and total that are not two digits each.
    PieceTotal {
        /// The piece.
        piece: String,
        /// The total.
        total: String,
    },
}

/// A component of an EPC URN that holds characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpcPart {
    /// The lot.
    Lot,
    /// The serial.
    Serial,
    /// The extension of a GLN.
    Extension,
    /// The asset reference of a GIAI.
    AssetReference,
    /// The consignment reference of a GINC.
    ConsignmentReference,
    /// The component reference of a CPI.
    ComponentReference,
    /// The third-party serial of a TPX.
    ThirdPartySerial,
}

impl EpcPart {
    /// The English words.
    pub fn words(self) -> &'static str {
        match self {
            EpcPart::Lot => "lot",
            EpcPart::Serial => "serial",
            EpcPart::Extension => "extension",
            EpcPart::AssetReference => "asset reference",
            EpcPart::ConsignmentReference => "consignment reference",
            EpcPart::ComponentReference => "component reference",
            EpcPart::ThirdPartySerial => "third-party serial",
        }
    }
}

impl std::fmt::Display for EpcFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use EpcFault as F;
        match self {
            F::NoColon => f.write_str("no `:` between the scheme and its components"),
            F::Components { n } => write!(f, "expected {n} components separated by `.`"),
            F::CompanyPrefix { company } => write!(
                f,
                "the GS1 company prefix `{company}` is not 6 to 12 digits"
            ),
            F::Digits { reference, total } => write!(
                f,
                "the company prefix and the reference `{reference}` are not {total} digits together"
            ),
            F::Length {
                part,
                value,
                n,
                min,
                max,
            } => write!(
                f,
                "the {} `{value}` has {n} characters, not {min} to {max}",
                part.words()
            ),
            F::Charset { part, value, at } => write!(
                f,
                "the {} `{value}` has a character outside its set at byte {at}",
                part.words()
            ),
            F::Serial { value } => write!(f, "the serial `{value}` is not 1 to 12 digits"),
            F::NotStar { value } => write!(f, "`{value}` where the pattern needs `*`"),
            F::PieceTotal { piece, total } => write!(
                f,
                "the piece `{piece}` and total `{total}` are not two digits each"
            ),
        }
    }
}
