/// Where things go at a given terminal size. Larger terminals get a wider help pane and label column.
struct Layout {
    let width: Int
    let height: Int

    var header: Int { 0 }
    var tabBar: Int { 1 }
    var body: Rect { Rect(x: 0, y: 3, width: width, height: height - 6) }
    var status: Int { height - 2 }
    var footer: Int { height - 1 }

    var helpWidth: Int { min(56, max(30, width * 3 / 8)) }
    var form: Rect { Rect(x: 0, y: body.y, width: width - helpWidth - 1, height: body.height) }
    var help: Rect { Rect(x: width - helpWidth, y: body.y, width: helpWidth, height: body.height) }
    var labelWidth: Int { width >= 120 ? 24 : 20 }
}
