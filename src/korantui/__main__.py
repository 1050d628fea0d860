from korantui.cli import main

raise SystemExit(main())
