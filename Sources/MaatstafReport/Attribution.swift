import MaatstafCore

/// The credit CBS's licence (CC BY 4.0) asks for, printed under every output that shows CBS figures.
public enum Attribution {
    public static let cbs = "Bron: CBS (CC BY 4.0)"
}
