/// The policy for e-mail alerts.
extension AccessPolicy {
    /// The record of alerts sent: the coordinators (who follow up what people were told) and
    /// the administrators (who look after delivery).
    public static func mayViewSentAlerts(_ principal: Principal) -> AccessDecision {
        [.coordinator, .admin].contains(principal.role) ? .allowed : .forbidden
    }

    /// Failed deliveries, and sending one again: the administrators.
    public static func mayManageAlertDelivery(_ principal: Principal) -> AccessDecision {
        principal.role == .admin ? .allowed : .forbidden
    }
}
