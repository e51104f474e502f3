from kpu_desk.cli import main

raise SystemExit(main())
